package dev.restfault.core.i18n;

import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.core.implementation.BuiltInTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Localized texts: restfault's own (reason phrases, default descriptions, generic messages) and
 * an application's texts for its own error codes.
 *
 * <p>Lookup for a key in locale {@code L} walks {@code L}, then {@code L}'s language, then the
 * supported locale of that language (fr-CA finds fr-FR texts), then en-US,
 * then the root (an application bundle's file without a locale suffix);
 * at each step the application's {@link MessageProvider}s are asked first, in registration order,
 * then restfault's built-in texts. So an application can override any built-in text and adds
 * texts for its codes under the key {@code code.<code>} ({@link #describeCode}).
 *
 * <p>Texts may hold {@code {0}}, {@code {1}}... placeholders, replaced by the arguments' string
 * values; unlike {@link java.text.MessageFormat}, apostrophes need no escaping. Immutable and
 * thread-safe.
 */
public final class ContractMessages {

    /** Key of the generic 500 description; its argument is the request id to quote. */
    public static final String INTERNAL_ERROR = "error.internal";
    /** Key of the 406 description; its argument is the list of available media types. */
    public static final String NOT_ACCEPTABLE = "error.notAcceptable";
    /** Key of the 405 description; its argument is the list of allowed methods. */
    public static final String METHOD_NOT_ALLOWED = "error.methodNotAllowed";
    /** Key of a validation failure's description; its argument is the number of violations. */
    public static final String VALIDATION_FAILED = "error.validationFailed";
    /** Key of the 404 description for an unknown path. */
    public static final String NO_SUCH_RESOURCE = "error.noSuchResource";
    /** Key of the 400 description for an unreadable request body. */
    public static final String MALFORMED_BODY = "error.malformedBody";
    /** Key of the 401 description when credentials are missing or invalid. */
    public static final String AUTHENTICATION_REQUIRED = "error.authenticationRequired";
    /** Key of the 415 description; its argument is the list of supported media types. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "error.unsupportedMediaType";

    /** The prefix of an application's texts for its own error codes. */
    public static final String CODE_PREFIX = "code.";

    private static final ContractMessages DEFAULTS = builder().useServiceLoader(true).build();

    private final List<MessageProvider> providers;

    private ContractMessages(List<MessageProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    /**
     * Built-in texts plus every {@link MessageProvider} that {@link ServiceLoader} finds for
     * restfault-core's class loader, loaded once.
     */
    public static ContractMessages defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The reason phrase of {@code status} in {@code locale} (see {@link StatusCatalog#entry(int)}). */
    public String reasonPhrase(int status, Locale locale) {
        StatusEntry entry = StatusCatalog.entry(status);
        return find(entry.reasonPhraseKey(), locale).orElseGet(() -> entry.reasonPhrase(locale));
    }

    /** The default description of {@code status} in {@code locale}. */
    public String statusDescription(int status, Locale locale) {
        return statusDescriptionLocalized(status, locale).text();
    }

    /** Like {@link #statusDescription}, with the language the text was found in. */
    public LocalizedText statusDescriptionLocalized(int status, Locale locale) {
        StatusEntry entry = StatusCatalog.entry(status);
        return findLocalized(entry.descriptionKey(), locale).orElseGet(
                () -> LocalizedText.of(entry.description(SupportedLocales.EN_US), SupportedLocales.EN_US));
    }

    /**
     * The application's text for its error {@code code} ({@code code.<code>}), formatted.
     *
     * @return empty when no provider has a text for the code
     */
    public Optional<String> describeCode(String code, Locale locale, Object... args) {
        return describeCodeLocalized(code, locale, args).map(LocalizedText::text);
    }

    /** Like {@link #describeCode}, with the language the text was found in. */
    public Optional<LocalizedText> describeCodeLocalized(String code, Locale locale, Object... args) {
        if (code == null || code.isEmpty()) {
            return Optional.empty();
        }
        return findLocalized(CODE_PREFIX + code, locale, args);
    }

    /**
     * The text for {@code key}, formatted with {@code args}, from the first provider that has it
     * along the locale chain.
     *
     * @param locale null means en-US
     */
    public Optional<String> find(String key, Locale locale, Object... args) {
        return findLocalized(key, locale, args).map(LocalizedText::text);
    }

    /**
     * Like {@link #find}, with the language the text was found in: the requested locale, the
     * supported locale of its language, or en-US when the lookup fell back (an application
     * bundle's base file counts as English, the contract's fallback).
     */
    public Optional<LocalizedText> findLocalized(String key, Locale locale, Object... args) {
        Objects.requireNonNull(key, "key");
        Locale l = locale == null ? SupportedLocales.DEFAULT : locale;
        List<Locale> chain = chain(l);
        for (int i = 0; i < chain.size(); i++) {
            Locale step = chain.get(i);
            Optional<String> text = Optional.empty();
            for (MessageProvider p : providers) {
                text = safeFind(p, key, step);
                if (text.isPresent()) {
                    break;
                }
            }
            if (text.isEmpty()) {
                text = BuiltInTexts.getExact(key, step);
            }
            if (text.isPresent()) {
                return Optional.of(LocalizedText.of(format(text.get(), args), languageOf(step, l)));
            }
        }
        return Optional.empty();
    }

    /** The language a chain step stands for, as a full locale fit for Content-Language. */
    private static Locale languageOf(Locale step, Locale requested) {
        if (step.equals(Locale.ROOT)) {
            return SupportedLocales.EN_US;
        }
        if (!step.getCountry().isEmpty()) {
            return step;
        }
        // The only language-level step is the requested locale's own language (see chain), and
        // a language-level text serves the requested locale as well as any.
        return requested;
    }

    /**
     * Like {@link #find} for a key restfault ships.
     *
     * @throws IllegalArgumentException if no text exists for {@code key}
     */
    public String get(String key, Locale locale, Object... args) {
        return find(key, locale, args).orElseThrow(() -> new IllegalArgumentException("no text for key " + key));
    }

    private static Optional<String> safeFind(MessageProvider p, String key, Locale locale) {
        try {
            Optional<String> text = p.find(key, locale);
            return text == null ? Optional.empty() : text.filter(t -> !t.isEmpty());
        } catch (RuntimeException broken) {
            // A faulty provider must not turn an error response into a different failure.
            return Optional.empty();
        }
    }

    /** At most this many locales keep their chain (see {@link #CHAINS}). */
    static final int CHAIN_CACHE_LIMIT = 64;

    /**
     * The chains already built, by requested locale: building one costs more than the lookups
     * along it (a {@code new Locale} interns its strings). A server asks for the few locales it
     * negotiates; an application may pass any, so past {@value #CHAIN_CACHE_LIMIT} locales a chain
     * is built each time instead of kept, and no caller can grow this without bound.
     */
    private static final ConcurrentHashMap<Locale, List<Locale>> CHAINS = new ConcurrentHashMap<>();

    private static List<Locale> chain(Locale l) {
        List<Locale> chain = CHAINS.get(l);
        if (chain == null) {
            chain = buildChain(l);
            if (CHAINS.size() < CHAIN_CACHE_LIMIT) {
                CHAINS.putIfAbsent(l, chain);
            }
        }
        return chain;
    }

    /** How many locales keep their chain now; for tests. */
    static int cachedChains() {
        return CHAINS.size();
    }

    private static List<Locale> buildChain(Locale l) {
        List<Locale> chain = new ArrayList<>(5);
        chain.add(l);
        if (!l.getCountry().isEmpty() || !l.getScript().isEmpty() || !l.getVariant().isEmpty()) {
            chain.add(new Locale(l.getLanguage()));
        }
        // fr-CA finds texts written for fr-FR before falling back to English (but zh-CN does not
        // find zh-TW's: see BuiltInTexts.shippedLocaleFor).
        BuiltInTexts.shippedLocaleFor(l).filter(shipped -> !chain.contains(shipped)).ifPresent(chain::add);
        if (!chain.contains(SupportedLocales.EN_US)) {
            chain.add(SupportedLocales.EN_US);
        }
        chain.add(Locale.ROOT); // an application bundle's base file, without a locale suffix
        return List.copyOf(chain);
    }

    /**
     * Replaces {n} (one or two decimal digits, as {@link Character#digit} reads them) with the n-th
     * argument; other braces are left alone. The text between placeholders is copied in runs: this
     * runs for every error whose text has arguments (every 405 names its methods).
     */
    static String format(String pattern, Object... args) {
        if (args == null || args.length == 0) {
            return pattern;
        }
        StringBuilder sb = null;
        int copied = 0;
        int open = pattern.indexOf('{');
        while (open >= 0) {
            int close = pattern.indexOf('}', open);
            int n = close > open + 1 && close - open <= 3 ? argumentIndex(pattern, open + 1, close) : -1;
            if (n >= 0 && n < args.length) {
                if (sb == null) {
                    sb = new StringBuilder(pattern.length() + 32);
                }
                sb.append(pattern, copied, open).append(args[n]);
                copied = close + 1;
                open = pattern.indexOf('{', copied);
            } else {
                open = pattern.indexOf('{', open + 1);
            }
        }
        return sb == null ? pattern : sb.append(pattern, copied, pattern.length()).toString();
    }

    /** The number written in {@code pattern[from, to)}, every character a decimal digit; else -1. */
    private static int argumentIndex(String pattern, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(pattern.charAt(i), 10);
            if (digit < 0) {
                return -1;
            }
            n = n * 10 + digit;
        }
        return n;
    }

    /** Builds {@link ContractMessages}; not thread-safe. */
    public static final class Builder {
        private final List<MessageProvider> providers = new ArrayList<>();
        private boolean serviceLoader;

        private Builder() {
        }

        /** Adds a provider, asked after those added before it and before the built-in texts. */
        public Builder add(MessageProvider provider) {
            providers.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /**
         * Adds an application bundle: UTF-8 properties files {@code baseName_ll_CC.properties},
         * {@code baseName_ll.properties}, {@code baseName.properties} read through {@code loader}.
         *
         * @param baseName such as {@code com.example.errors} (or {@code com/example/errors})
         * @param loader null means restfault-core's class loader
         * @throws IllegalArgumentException if {@code baseName} is not a dotted or slashed name
         */
        public Builder addBundle(String baseName, ClassLoader loader) {
            return add(new PropertiesMessageProvider(baseName, loader));
        }

        /** Whether to add the providers {@link ServiceLoader} finds, after the explicit ones. */
        public Builder useServiceLoader(boolean use) {
            this.serviceLoader = use;
            return this;
        }

        public ContractMessages build() {
            List<MessageProvider> all = new ArrayList<>(providers);
            if (serviceLoader) {
                ServiceLoader.load(MessageProvider.class, ContractMessages.class.getClassLoader()).forEach(all::add);
            }
            return new ContractMessages(all);
        }
    }
}
