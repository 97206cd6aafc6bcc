package dev.restfault.testkit.check;

import static dev.restfault.testkit.check.CheckerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The {@code Content-Language} rule ({@link LanguageRules}) and its script heuristic ({@link ScriptHeuristic}).
 * Every rule of the group has a case that breaks it ({@link RuleGroupTest}).
 */
class LanguageRulesTest extends RuleGroupTest {

    /** The rules this group enforces. */
    static final EnumSet<Rule> RULES = EnumSet.of(Rule.CONTENT_LANGUAGE);

    LanguageRulesTest() {
        super(RULES);
    }

    static Stream<Arguments> violating() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "requested but missing", ObservedResponse.builder(404)
                .headers(headers("Content-Language", null)).body(json(PC_404)).requestedLocale(Locale.FRANCE).build()));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "localized text without it", response(404, headers("Content-Language", null),
                "{\"code\":\"notFound\",\"description\":\"La ressource demandée n'existe pas.\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "Japanese labelled English", response(404, headers("Content-Language", "en-US"),
                "{\"code\":\"notFound\",\"description\":\"要求されたリソースは存在しません。\",\"source\":\"orders-api\"}")));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "English labelled Chinese", response(404, headers("Content-Language", "zh-TW"), PC_404)));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "not a tag", response(404, headers("Content-Language", "en US!"), PC_404)));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "Japanese Partner API message labelled en-US", response(404, headers(),
                "{\"error\":{\"code\":\"notFound\",\"message\":\"要求されたリソースは存在しません。\"}}")));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "Japanese data description labelled en-US", response(400, headers(),
                "{\"code\":\"badRequest\",\"description\":\"The request is invalid.\",\"source\":\"s\","
                        + "\"data\":[{\"code\":\"required\",\"description\":\"名前は必須です。\",\"source\":\"name\"}]}")));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "Japanese innerError message labelled en-US", response(409, headers(),
                "{\"error\":{\"code\":\"conflict\",\"message\":\"Exists.\",\"innerError\":{\"code\":\"dup\",\"message\":\"同じ注文がすでに存在します\"}}}")));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "Korean labelled en-US", response(404, headers(),
                "{\"code\":\"notFound\",\"description\":\"요청한 리소스가 없습니다.\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "Cyrillic labelled en-US", response(404, headers(),
                "{\"code\":\"notFound\",\"description\":\"Запрошенный ресурс не существует.\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "Arabic labelled ja-JP", response(404, headers("Content-Language", "ja-JP"),
                "{\"code\":\"notFound\",\"description\":\"المورد المطلوب غير موجود.\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "Hebrew labelled fr-FR", response(404, headers("Content-Language", "fr-FR"),
                "{\"code\":\"notFound\",\"description\":\"המשאב המבוקש אינו קיים.\",\"source\":\"s\"}")));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "Thai in a problem detail labelled en-US", ObservedResponse.builder(404)
                .headers(headers("Content-Type", "application/problem+json"))
                .body(json("{\"title\":\"Not found\",\"status\":404,\"detail\":\"ไม่พบทรัพยากรที่ร้องขอ\",\"code\":\"notFound\"}")).build()));
        // ---- more cases ----------------------------------------------------------------------
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "only commas", response(404, headers("Content-Language", ",,"), PC_404)));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "Chinese in a problem title labelled fr-FR", ObservedResponse.builder(404)
                .headers(headers("Content-Type", "application/problem+json", "Content-Language", "fr-FR"))
                .body(json("{\"title\":\"找不到要求的資源\",\"status\":404,\"detail\":\"La ressource n'existe pas.\",\"code\":\"notFound\"}"))
                .build()));
        cases.add(Arguments.of(Rule.CONTENT_LANGUAGE, "English description labelled ja-JP", response(404,
                headers("Content-Language", "ja-JP"), PC_404)));
        return cases.stream();
    }

    @Override
    Stream<Arguments> cases() {
        return violating();
    }

    @Test
    void aLabelIsRequiredWhenAskedForOrWhenTheTextIsLocalized() {
        assertThat(CHECKER.check(ObservedResponse.builder(404).headers(headers("Content-Language", null)).body(json(PC_404))
                .requestedLocale(Locale.FRANCE).build())).extracting(Violation::toString)
                .containsExactly("content-language: the request asked for fr-FR but the response has no Content-Language");
        // English without a label, nobody asked: fine.
        assertThat(CHECKER.check(response(404, headers("Content-Language", null), PC_404))).isEmpty();
        // A Partner API message needs no label: its format is not localized.
        assertThat(CHECKER.check(response(404, headers("Content-Language", null),
                "{\"error\":{\"code\":\"notFound\",\"message\":\"Ressource introuvable.\"}}"))).isEmpty();
    }

    @Test
    void theScriptHeuristicJudgesOnlyWhatIsPlain() {
        assertThat(ScriptHeuristic.of("要求されたリソースは存在しません。").mismatch("en", true)).isEqualTo("Japanese");
        assertThat(ScriptHeuristic.of("找不到要求的資源。").mismatch("en", true)).isEqualTo("Chinese characters");
        assertThat(ScriptHeuristic.of("找不到要求的資源。").mismatch("zh", true)).isNull();
        assertThat(ScriptHeuristic.of("The requested resource does not exist.").mismatch("ja", true)).isEqualTo("Latin script");
        // Nested texts go by the dominant script: a Latin field name in a Japanese response is fine.
        assertThat(ScriptHeuristic.of("email is required").mismatch("ja", false)).isNull();
        // A short name in another script inside a sentence is not a language.
        assertThat(ScriptHeuristic.of("Customer Иван was not found.").mismatch("en", true)).isNull();
        assertThat(ScriptHeuristic.of("Запрошенный ресурс не существует.").mismatch("en", false)).isEqualTo("Cyrillic script");
        assertThat(ScriptHeuristic.of("요청한 리소스가 없습니다.").mismatch("ko", true)).isNull();
        // A language whose scripts the heuristic does not know is not judged (beyond kana and Han at the top).
        assertThat(ScriptHeuristic.of("Запрошенный ресурс не существует.").mismatch("xx", true)).isNull();
        assertThat(ScriptHeuristic.MIN_FOREIGN_LETTERS).isEqualTo(4);
    }

    @Test
    void textsAreCollectedFromEveryLevelTheTopOneFirst() throws JsonTree.Failure {
        JsonTree.Node root = JsonTree.parse(json("{\"error\":{\"code\":\"c\",\"message\":\"top\",\"target\":\"not a text\","
                + "\"innererror\":{\"message\":\"inner\"},\"details\":[{\"code\":\"d\",\"message\":\"detail\"}]}}"));
        BodyFacts facts = new BodyFacts();
        facts.topText = new HumanText("/error/message", "top", true);
        LanguageRules.collectTexts(root, facts);
        assertThat(facts.texts).extracting(t -> t.pointer).containsExactly("/error/message", "/error/innererror/message",
                "/error/details/0/message");
        assertThat(facts.texts).extracting(t -> t.top).containsExactly(true, false, false);
    }
}
