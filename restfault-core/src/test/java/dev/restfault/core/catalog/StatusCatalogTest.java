package dev.restfault.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.core.i18n.SupportedLocales;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusCatalogTest {

    /** The seed's list, verbatim (English and the zh-TW seed document). */
    private static final Map<Integer, String[]> SEED = new LinkedHashMap<>();

    static {
        SEED.put(400, new String[] {"Bad request", "不正確的要求"});
        SEED.put(401, new String[] {"Unauthorized", "未經授權"});
        SEED.put(403, new String[] {"Forbidden", "禁止"});
        SEED.put(404, new String[] {"Not found", "找不到"});
        SEED.put(405, new String[] {"Method not allowed", "不允許方法"});
        SEED.put(406, new String[] {"Not acceptable", "不接受"});
        SEED.put(409, new String[] {"Conflict", "衝突"});
        SEED.put(412, new String[] {"Precondition failed", "前置條件失敗"});
        SEED.put(429, new String[] {"Too many requests", "要求太多"});
        SEED.put(500, new String[] {"Internal server error", "內部伺服器錯誤"});
        SEED.put(501, new String[] {"Not implemented", "未執行"});
        SEED.put(502, new String[] {"Bad gateway", "閘道不正確"});
        SEED.put(503, new String[] {"Service unavailable", "服務無法使用"});
        SEED.put(504, new String[] {"Gateway timeout", "閘道超時"});
    }

    @Test
    void theFourteenSeedStatusesHaveTheSeedsExactReasonPhrases() {
        List<StatusEntry> seed = StatusCatalog.seedEntries();
        assertThat(seed).extracting(StatusEntry::status).containsExactlyElementsOf(SEED.keySet());
        for (StatusEntry e : seed) {
            assertThat(e.reasonPhrase()).isEqualTo(SEED.get(e.status())[0]);
            assertThat(e.reasonPhrase(SupportedLocales.EN_US)).isEqualTo(SEED.get(e.status())[0]);
            assertThat(e.reasonPhrase(SupportedLocales.ZH_TW)).as("zh-TW %d", e.status()).isEqualTo(SEED.get(e.status())[1]);
        }
    }

    @Test
    void theExtraStatusesAreKnownButNotSeed() {
        List<Integer> extra = StatusCatalog.entries().stream().filter(e -> !e.isSeedStatus())
                .map(StatusEntry::status).collect(Collectors.toList());
        assertThat(extra).containsExactly(408, 410, 411, 413, 415, 416, 417, 422, 423, 431, 507, 509);
        assertThat(StatusCatalog.entries()).hasSize(26).allMatch(StatusEntry::isKnown);
    }

    @Test
    void everyEntryIsTranslatedIntoEverySupportedLanguage() {
        for (StatusEntry e : StatusCatalog.entries()) {
            for (Locale l : SupportedLocales.ALL) {
                assertThat(e.reasonPhrase(l)).as("%s reason in %s", e, l).isNotBlank();
                assertThat(e.description(l)).as("%s description in %s", e, l).isNotBlank();
            }
            // Real translations, not the English the seed left untranslated.
            for (Locale l : List.of(SupportedLocales.FR_FR, SupportedLocales.JA_JP, SupportedLocales.ZH_TW)) {
                assertThat(e.description(l)).as("%s description in %s", e, l).isNotEqualTo(e.description(SupportedLocales.EN_US));
            }
            assertThat(e.reasonPhrase(SupportedLocales.JA_JP)).as("%s ja reason", e).isNotEqualTo(e.reasonPhrase());
        }
    }

    @Test
    void anUnsupportedLanguageFallsBackToEnglish() {
        assertThat(StatusCatalog.entry(404).reasonPhrase(Locale.GERMANY)).isEqualTo("Not found");
        assertThat(StatusCatalog.entry(404).description(null)).isEqualTo("The requested resource does not exist.");
        // fr-CA has no file of its own: the French language file answers.
        assertThat(StatusCatalog.entry(404).reasonPhrase(Locale.CANADA_FRENCH)).isEqualTo("Introuvable");
    }

    @ParameterizedTest
    @CsvSource({
        "400, NEVER", "401, NEVER", "403, NEVER", "404, NEVER", "405, NEVER", "406, NEVER", "409, NEVER",
        "412, NEVER", "429, AFTER_DELAY", "500, IF_IDEMPOTENT", "501, NEVER", "502, IF_IDEMPOTENT",
        "503, IF_RETRY_AFTER_OR_IDEMPOTENT", "504, IF_RETRY_AFTER_OR_IDEMPOTENT"
    })
    void retryRulesAreTheDesigns(int status, RetryRule rule) {
        assertThat(StatusCatalog.entry(status).retryRule()).isEqualTo(rule);
    }

    @Test
    void requiredHeadersFollowTheDesignTable() {
        assertThat(StatusCatalog.entry(401).header("www-authenticate")).get()
                .extracting(HeaderRule::requirement).isEqualTo(HeaderRule.Requirement.ALWAYS);
        assertThat(StatusCatalog.entry(405).header("Allow")).get()
                .extracting(HeaderRule::requirement).isEqualTo(HeaderRule.Requirement.ALWAYS);
        assertThat(StatusCatalog.entry(412).header("ETag")).get()
                .extracting(HeaderRule::requirement).isEqualTo(HeaderRule.Requirement.WHEN_KNOWN);
        assertThat(StatusCatalog.entry(429).header("Retry-After")).isPresent();
        assertThat(StatusCatalog.entry(503).header("Retry-After")).isPresent();
        assertThat(StatusCatalog.entry(404).headers()).isEmpty();
    }

    @Test
    void categoriesMatchTheSdkVocabulary() {
        assertThat(StatusCatalog.entry(400).category()).isEqualTo(ErrorCategory.BAD_INPUT);
        assertThat(StatusCatalog.entry(405).category()).isEqualTo(ErrorCategory.INVALID_OPERATION);
        assertThat(StatusCatalog.entry(406).category()).isEqualTo(ErrorCategory.UNSUPPORTED_DATA_FORMAT);
        assertThat(StatusCatalog.entry(415).category()).isEqualTo(ErrorCategory.UNSUPPORTED_DATA_FORMAT);
        assertThat(StatusCatalog.entry(409).category()).isEqualTo(ErrorCategory.CONFLICT);
        assertThat(StatusCatalog.entry(503).category()).isEqualTo(ErrorCategory.SERVER_BUSY);
        assertThat(StatusCatalog.entry(408).category()).isEqualTo(ErrorCategory.REQUEST_TIMEOUT);
        assertThat(StatusCatalog.entry(504).category()).isEqualTo(ErrorCategory.GATEWAY_TIMEOUT);
    }

    @Test
    void textKeysAreTheOnesApplicationsOverride() {
        assertThat(StatusCatalog.entry(404).reasonPhraseKey()).isEqualTo("status.404.reason");
        assertThat(StatusCatalog.entry(404).descriptionKey()).isEqualTo("status.404.description");
        assertThat(StatusCatalog.entry(418).reasonPhraseKey()).isEqualTo("status.4xx.reason");
        assertThat(StatusCatalog.entry(599).descriptionKey()).isEqualTo("status.5xx.description");
    }

    @Test
    void defaultCodesAreUniqueAndFindable() {
        assertThat(StatusCatalog.entries()).extracting(StatusEntry::defaultCode).doesNotHaveDuplicates();
        assertThat(StatusCatalog.byDefaultCode("notFound")).get().extracting(StatusEntry::status).isEqualTo(404);
        assertThat(StatusCatalog.byDefaultCode("nope")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {418, 451, 499})
    void anUnknown4xxGetsAClientErrorEntry(int status) {
        StatusEntry e = StatusCatalog.entry(status);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.isKnown()).isFalse();
        assertThat(e.reasonPhrase()).isEqualTo("Client error");
        assertThat(e.category()).isEqualTo(ErrorCategory.BAD_INPUT);
        assertThat(e.retryRule()).isEqualTo(RetryRule.NEVER);
        assertThat(e.description(SupportedLocales.JA_JP)).isEqualTo("要求を処理できません。");
    }

    @ParameterizedTest
    @ValueSource(ints = {505, 520, 599})
    void anUnknown5xxGetsAServerErrorEntry(int status) {
        StatusEntry e = StatusCatalog.entry(status);
        assertThat(e.reasonPhrase()).isEqualTo("Server error");
        assertThat(e.category()).isEqualTo(ErrorCategory.SERVER_ERROR);
        assertThat(e.retryRule()).isEqualTo(RetryRule.IF_IDEMPOTENT);
        assertThat(e.isServerError()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 200, 399, 600, 1000})
    void aNonErrorStatusIsRejected(int status) {
        assertThatThrownBy(() -> StatusCatalog.entry(status))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("status " + status + " is not an error status (400..599)");
        assertThat(StatusCatalog.isError(status)).isFalse();
    }

    @Test
    void retryRulePermitsExactlyWhatTheDesignSays() {
        assertThat(RetryRule.NEVER.permits("GET", true, true)).isFalse();
        assertThat(RetryRule.AFTER_DELAY.permits("POST", false, false)).isTrue();
        assertThat(RetryRule.IF_RETRY_AFTER_OR_IDEMPOTENT.permits("POST", false, true)).isTrue();
        assertThat(RetryRule.IF_RETRY_AFTER_OR_IDEMPOTENT.permits("POST", false, false)).isFalse();
        assertThat(RetryRule.IF_RETRY_AFTER_OR_IDEMPOTENT.permits("get", false, false)).isTrue();
        assertThat(RetryRule.IF_IDEMPOTENT.permits("POST", false, false)).isFalse();
        assertThat(RetryRule.IF_IDEMPOTENT.permits("POST", true, false)).isTrue();
        assertThat(RetryRule.IF_IDEMPOTENT.permits("PATCH", false, true)).isFalse();
        assertThat(RetryRule.IF_IDEMPOTENT.permits(null, false, false)).isFalse();
        for (String m : List.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE")) {
            assertThat(RetryRule.isIdempotent(m)).as(m).isTrue();
        }
        assertThat(RetryRule.isIdempotent("POST")).isFalse();
        assertThat(RetryRule.isIdempotent("PATCH")).isFalse();
    }
}
