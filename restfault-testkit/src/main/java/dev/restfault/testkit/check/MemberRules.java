package dev.restfault.testkit.check;

import dev.restfault.core.model.Descriptions;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The member rules of each format, on the body as sent (not as a tolerant reader would
 * normalize it): required members present and non-empty, JSON types ({@code code} a string,
 * {@code data} an array of error objects...), texts of at most 1024 UTF-16 code units,
 * {@code data} omitted rather than empty, {@code innerError} spelled as the seed spells it, a
 * problem's {@code status} equal to the HTTP status, {@code source} that is not a Java class name.
 */
final class MemberRules {

    private static final Pattern QUALIFIED_CLASS = Pattern.compile("(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*");
    private static final Pattern SIMPLE_CLASS = Pattern.compile(
            "[A-Z][A-Za-z0-9]*(?:Controller|ServiceImpl|Impl|Exception|Handler|Repository|Servlet|Interceptor|Advice)(?:\\$\\w+)?");
    /** Longest source judged as a class name; a longer one is prose, not a name. */
    private static final int MAX_CLASS_NAME = 300;

    private MemberRules() {
    }

    static void checkPartnerCenter(JsonTree.Node node, boolean top, List<Violation> out) {
        requireCode(node, out);
        requireText(node, "description", out);
        JsonTree.Node source = node.member("source");
        if (source == null) {
            if (top) {
                out.add(Violation.of(Rule.REQUIRED_MEMBER, "no source", node.pointer()));
            }
        } else if (!source.isString()) {
            out.add(Violation.of(Rule.MEMBER_TYPE, "source is " + source.describeKind() + ", not a string", source.pointer()));
        } else {
            if (top && Descriptions.isBlank(source.text)) {
                out.add(Violation.of(Rule.REQUIRED_MEMBER, "source is empty or blank", source.pointer()));
            }
            checkSourceName(source, out);
        }
        checkDataList(node.member("data"), out);
    }

    private static void checkDataList(JsonTree.Node data, List<Violation> out) {
        if (data == null) {
            return;
        }
        if (data.kind != JsonTree.Kind.ARRAY) {
            out.add(Violation.of(Rule.MEMBER_TYPE, "data is " + data.describeKind() + ", not an array", data.pointer()));
            return;
        }
        if (data.items.isEmpty()) {
            out.add(Violation.of(Rule.DATA_EMPTY, "data is sent empty instead of omitted", data.pointer()));
        }
        for (JsonTree.Node item : data.items) {
            if (!item.isObject()) {
                out.add(Violation.of(Rule.MEMBER_TYPE, "a data entry is " + item.describeKind() + ", not an error object", item.pointer()));
            } else {
                checkPartnerCenter(item, false, out);
            }
        }
    }

    static void checkPartnerApi(JsonTree.Node error, boolean top, List<Violation> out) {
        requireCode(error, out);
        requireText(error, "message", out);
        JsonTree.Node target = error.member("target");
        if (target != null && !target.isString() && target.kind != JsonTree.Kind.NULL) {
            out.add(Violation.of(Rule.MEMBER_TYPE, "target is " + target.describeKind() + ", not a string", target.pointer()));
        } else if (target != null && target.isString()) {
            checkSourceName(target, out);
        }
        checkInnerErrorSpelling(error, out);
        JsonTree.Node inner = error.member("innerError");
        int depth = 0;
        while (inner != null && inner.kind != JsonTree.Kind.NULL && depth++ < JsonTree.MAX_DEPTH) {
            if (!inner.isObject()) {
                out.add(Violation.of(Rule.MEMBER_TYPE, "innerError is " + inner.describeKind() + ", not an object", inner.pointer()));
                break;
            }
            if (!inner.has("code") && !inner.has("message")) {
                out.add(Violation.of(Rule.REQUIRED_MEMBER, "an innerError without code or message", inner.pointer()));
            }
            JsonTree.Node code = inner.member("code");
            if (code != null && !code.isString()) {
                out.add(Violation.of(Rule.MEMBER_TYPE, "innerError code is " + code.describeKind() + ", not a string", code.pointer()));
            }
            JsonTree.Node message = inner.member("message");
            if (message != null) {
                checkTextValue(message, "innerError message", out);
            }
            checkInnerErrorSpelling(inner, out);
            inner = inner.member("innerError");
        }
        JsonTree.Node details = error.member("details");
        if (details != null) {
            if (details.kind != JsonTree.Kind.ARRAY) {
                out.add(Violation.of(Rule.MEMBER_TYPE, "details is " + details.describeKind() + ", not an array", details.pointer()));
            } else {
                for (JsonTree.Node d : details.items) {
                    if (!d.isObject()) {
                        out.add(Violation.of(Rule.MEMBER_TYPE, "a details entry is " + d.describeKind() + ", not an error object", d.pointer()));
                    } else {
                        checkPartnerApi(d, false, out);
                    }
                }
            }
        }
    }

    private static void checkInnerErrorSpelling(JsonTree.Node node, List<Violation> out) {
        String spelled = node.memberNameIgnoringCase("innerError");
        if (spelled != null && !spelled.equals("innerError") && !node.has("innerError")) {
            out.add(Violation.of(Rule.INNER_ERROR_SPELLING, "\"" + spelled + "\" instead of \"innerError\"", node.pointer()));
        }
    }

    static void checkProblem(JsonTree.Node root, int status, List<Violation> out) {
        requireCode(root, out);
        requireText(root, "detail", out);
        JsonTree.Node title = root.member("title");
        if (title != null) {
            checkTextValue(title, "title", out);
        }
        JsonTree.Node type = root.member("type");
        if (type != null && !type.isString()) {
            out.add(Violation.of(Rule.MEMBER_TYPE, "type is " + type.describeKind() + ", not a string", type.pointer()));
        }
        JsonTree.Node st = root.member("status");
        if (st != null) {
            if (st.kind != JsonTree.Kind.NUMBER) {
                out.add(Violation.of(Rule.MEMBER_TYPE, "status is " + st.describeKind() + ", not a number", st.pointer()));
            } else if (status != 0 && !numberIs(st.text, status)) {
                out.add(Violation.of(Rule.PROBLEM_STATUS, "status member " + st.text + " but HTTP status " + status, st.pointer()));
            }
        }
        JsonTree.Node source = root.member("source");
        if (source != null) {
            if (!source.isString()) {
                out.add(Violation.of(Rule.MEMBER_TYPE, "source is " + source.describeKind() + ", not a string", source.pointer()));
            } else {
                checkSourceName(source, out);
            }
        }
        checkDataList(root.member("data"), out);
    }

    private static void requireCode(JsonTree.Node node, List<Violation> out) {
        JsonTree.Node code = node.member("code");
        if (code == null) {
            out.add(Violation.of(Rule.REQUIRED_MEMBER, "no code", node.pointer()));
        } else if (code.kind == JsonTree.Kind.NULL) {
            out.add(Violation.of(Rule.REQUIRED_MEMBER, "code is null", code.pointer()));
        } else if (code.kind == JsonTree.Kind.NUMBER) {
            out.add(Violation.of(Rule.MEMBER_TYPE, "code is the number " + code.text + ", the contract emits a string", code.pointer()));
        } else if (!code.isString()) {
            out.add(Violation.of(Rule.MEMBER_TYPE, "code is " + code.describeKind() + ", not a string", code.pointer()));
        } else if (Descriptions.isBlank(code.text)) {
            out.add(Violation.of(Rule.REQUIRED_MEMBER, "code is empty or blank", code.pointer()));
        }
    }

    private static void requireText(JsonTree.Node node, String name, List<Violation> out) {
        JsonTree.Node text = node.member(name);
        if (text == null) {
            out.add(Violation.of(Rule.REQUIRED_MEMBER, "no " + name, node.pointer()));
        } else if (text.kind == JsonTree.Kind.NULL) {
            out.add(Violation.of(Rule.REQUIRED_MEMBER, name + " is null", text.pointer()));
        } else {
            checkTextValue(text, name, out);
        }
    }

    private static void checkTextValue(JsonTree.Node text, String name, List<Violation> out) {
        if (!text.isString()) {
            out.add(Violation.of(Rule.MEMBER_TYPE, name + " is " + text.describeKind() + ", not a string", text.pointer()));
        } else if (text.text.isEmpty()) {
            out.add(Violation.of(Rule.REQUIRED_MEMBER, name + " is empty", text.pointer()));
        } else if (text.text.length() > Descriptions.MAX_LENGTH) {
            out.add(Violation.of(Rule.DESCRIPTION_LENGTH, text.text.length() + " UTF-16 units, max " + Descriptions.MAX_LENGTH,
                    text.pointer()));
        }
    }

    private static void checkSourceName(JsonTree.Node source, List<Violation> out) {
        String s = source.text.trim();
        if (s.length() <= MAX_CLASS_NAME && (QUALIFIED_CLASS.matcher(s).matches() || SIMPLE_CLASS.matcher(s).matches())) {
            out.add(Violation.of(Rule.SOURCE_CLASS_NAME, "source is a Java class name", source.pointer() + ": " + s));
        }
    }

    /**
     * Whether a JSON number's text is {@code value}, however it is spelled: {@code 404},
     * {@code 404.0} and {@code 4.04e2} are one number, and JSON gives none of them precedence.
     */
    private static boolean numberIs(String text, int value) {
        if (text.equals(Integer.toString(value))) {
            return true; // the usual spelling, without parsing
        }
        try {
            return new BigDecimal(text).compareTo(BigDecimal.valueOf(value)) == 0;
        } catch (NumberFormatException | ArithmeticException outOfRange) {
            return false; // an exponent beyond what a BigDecimal holds: not 100..599
        }
    }
}
