package dev.restfault.core.i18n;

import dev.restfault.core.implementation.Utf8Properties;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Texts from an application's UTF-8 properties bundle, {@code base_fr_FR.properties},
 * {@code base_fr.properties}, {@code base.properties}, found through a class loader.
 */
final class PropertiesMessageProvider implements MessageProvider {

    private final String path;
    private final ClassLoader loader;
    private final Map<String, Properties> cache = new ConcurrentHashMap<>();

    PropertiesMessageProvider(String baseName, ClassLoader loader) {
        if (baseName == null || !baseName.matches("[A-Za-z0-9_$]+([./][A-Za-z0-9_$]+)*")) {
            throw new IllegalArgumentException("bundle base name must be a dotted or slashed name, such as com.example.errors");
        }
        this.path = baseName.replace('.', '/');
        this.loader = loader == null ? PropertiesMessageProvider.class.getClassLoader() : loader;
    }

    @Override
    public Optional<String> find(String key, Locale locale) {
        String suffix = locale == null || locale.getLanguage().isEmpty() ? ""
                : locale.getCountry().isEmpty() ? "_" + locale.getLanguage()
                : "_" + locale.getLanguage() + "_" + locale.getCountry();
        return Optional.ofNullable(cache.computeIfAbsent(suffix, this::read).getProperty(key));
    }

    private Properties read(String suffix) {
        String name = path + suffix + ".properties";
        return Utf8Properties.read(loader.getResourceAsStream(name), name);
    }
}
