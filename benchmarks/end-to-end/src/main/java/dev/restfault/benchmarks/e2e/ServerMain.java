package dev.restfault.benchmarks.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server process of one setup: starts the application given on the command line with the
 * given Spring properties, reports its port on standard output, and then obeys one-line commands
 * on standard input until it ends. It exits when its standard input closes, so a server never
 * outlives a harness that was killed.
 *
 * <p>Command line: {@code <application class> [key=value...]}. Lines it writes for the harness
 * start with {@value #PREFIX}; everything else on standard output is the application's log.
 */
public final class ServerMain {

    static final String PREFIX = "restfault-e2e ";
    static final String READY = "ready";
    static final String PROFILE_START = "profile-start";
    static final String PROFILE_STOP = "profile-stop";
    static final String STATS = "stats";

    private ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ServerMain <application class> [key=value...]");
            System.exit(2);
        }
        Class<?> application = Class.forName(args[0]);
        String[] properties = Arrays.copyOfRange(args, 1, args.length);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application).properties(properties).run();
        WebServer server = ((WebServerApplicationContext) context).getWebServer();
        TreeSet<String> restfaultBeans = restfaultBeans(context);
        say(READY + " port=" + server.getPort() + " server=" + server.getClass().getName() + " restfault-beans="
                + restfaultBeans.size() + " " + String.join(",", restfaultBeans));
        obey(context);
    }

    /**
     * The beans restfault contributed: any bean, or servlet filter registered through a bean,
     * whose class lives in restfault's packages (the benchmark's own excepted). Class names, not
     * restfault's types, so that the check holds whatever the starter's internals become.
     */
    private static TreeSet<String> restfaultBeans(ConfigurableApplicationContext context) {
        TreeSet<String> found = new TreeSet<>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name, false);
            if (type != null && isRestfault(type)) {
                found.add(name);
            }
        }
        @SuppressWarnings("rawtypes")
        Map<String, FilterRegistrationBean> filters = context.getBeansOfType(FilterRegistrationBean.class, false, false);
        filters.forEach((name, registration) -> {
            if (registration.getFilter() != null && isRestfault(registration.getFilter().getClass())) {
                found.add(name);
            }
        });
        return found;
    }

    private static boolean isRestfault(Class<?> type) {
        String name = type.getName();
        return name.startsWith("dev.restfault.") && !name.startsWith("dev.restfault.benchmarks.");
    }

    private static void obey(ConfigurableApplicationContext context) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Recording recording = null;
        Path destination = null;
        for (String line; (line = in.readLine()) != null; ) {
            String[] command = line.trim().split(" ", 2);
            try {
                if (command[0].equals(PROFILE_START) && command.length == 2 && recording == null) {
                    destination = Path.of(command[1]);
                    recording = new Recording(Configuration.getConfiguration("profile"));
                    // Where throwables are created, and of what class: off in the profile settings.
                    recording.enable("jdk.JavaExceptionThrow").withStackTrace();
                    recording.setToDisk(true);
                    recording.setDestination(destination);
                    recording.start();
                    say(PROFILE_START + " " + destination);
                } else if (command[0].equals(PROFILE_STOP) && recording != null) {
                    recording.stop();
                    recording.close();
                    recording = null;
                    say(PROFILE_STOP + " " + destination);
                } else if (command[0].equals(STATS)) {
                    say(STATS + " " + jvmStats());
                } else if (!command[0].isEmpty()) {
                    say("unknown-command " + line);
                }
            } catch (Exception e) {
                say("command-failed " + line + ": " + e);
            }
        }
        // The harness went away (or closed our input on purpose): stop the server and exit.
        context.close();
        System.exit(0);
    }

    /**
     * The JVM's own work so far: milliseconds its JIT compilers spent compiling, the collections
     * with their accumulated time, and the bytes its live threads have allocated. The harness compares them before and after a
     * window, to tell whether the code was still being compiled while it was measured.
     */
    private static String jvmStats() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long collections = 0;
        long collectionMillis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, collector.getCollectionCount());
            collectionMillis += Math.max(0, collector.getCollectionTime());
        }
        long compileMillis = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
        long allocated = -1;
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
            allocated = threads.getTotalThreadAllocatedBytes();
        }
        return "compile-ms=" + compileMillis + " gc-count=" + collections + " gc-ms=" + collectionMillis
                + " alloc-bytes=" + allocated;
    }

    private static void say(String line) {
        System.out.println(PREFIX + line);
        System.out.flush();
    }
}
