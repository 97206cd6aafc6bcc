package dev.restfault.testkit.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;

/**
 * A small, bounded JSON tree of a raw body, built with Jackson's streaming parser.
 *
 * <p>Why not the reader's model: the model normalizes (codes become strings, descriptions are
 * cut to 1024 code units, {@code innererror} becomes {@code innerError}), and the checker must
 * judge what was actually sent. Why not databind: one small tree is all the checker needs.
 *
 * <p>Each node knows its JSON pointer, for evidence. Depth, string length and document length
 * are bounded by Jackson's {@link StreamReadConstraints}; duplicate members are an error.
 */
final class JsonTree {

    enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

    /** Deepest nesting parsed; a contract error nests far less (see ModelLimits). */
    static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(ContractChecker.MAX_BODY_BYTES)
                    .maxNameLength(4096)
                    .maxNumberLength(100)
                    .maxDocumentLength(ContractChecker.MAX_BODY_BYTES)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** One value of the tree. */
    static final class Node {
        final Kind kind;
        final String pointer;
        final String text;
        final Map<String, Node> members;
        final List<Node> items;

        private Node(Kind kind, String pointer, String text, Map<String, Node> members, List<Node> items) {
            this.kind = kind;
            this.pointer = pointer.isEmpty() ? "/" : pointer;
            this.text = text;
            this.members = members;
            this.items = items;
        }

        boolean isObject() {
            return kind == Kind.OBJECT;
        }

        boolean isString() {
            return kind == Kind.STRING;
        }

        Node member(String name) {
            return members == null ? null : members.get(name);
        }

        boolean has(String name) {
            return members != null && members.containsKey(name);
        }

        /** The member whose name equals {@code name} ignoring case, if exactly-cased one is absent. */
        String memberNameIgnoringCase(String name) {
            if (members == null) {
                return null;
            }
            for (String n : members.keySet()) {
                if (n.equalsIgnoreCase(name)) {
                    return n;
                }
            }
            return null;
        }

        String describeKind() {
            switch (kind) {
                case OBJECT:
                    return "an object";
                case ARRAY:
                    return "an array";
                case STRING:
                    return "a string";
                case NUMBER:
                    return "a number";
                case BOOLEAN:
                    return "a boolean";
                default:
                    return "null";
            }
        }
    }

    /** Why a body could not be turned into a tree. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean limits;
        final boolean truncated;

        Failure(String message, boolean limits, boolean truncated) {
            super(message, null, false, false);
            this.limits = limits;
            this.truncated = truncated;
        }
    }

    private JsonTree() {
    }

    /**
     * Parses {@code body} as one JSON value with nothing after it.
     *
     * @throws Failure with a message fit for a report (position, never Jackson's own text,
     *     which may quote the body at length)
     */
    static Node parse(byte[] body) throws Failure {
        try (JsonParser p = FACTORY.createParser(tools.jackson.core.ObjectReadContext.empty(), body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new Failure("no JSON value", false, true);
            }
            Node root = read(p, "");
            if (p.nextToken() != null) {
                throw new Failure("content after the JSON value at " + where(p.currentTokenLocation()), false, false);
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw new Failure("exceeds the parser's limits (depth " + MAX_DEPTH + ", size "
                    + ContractChecker.MAX_BODY_BYTES + " bytes)", true, false);
        } catch (UnexpectedEndOfInputException e) {
            throw new Failure("the JSON ends early (truncated) at " + where(e.getLocation()), false, true);
        } catch (JacksonException e) {
            String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate Object property")
                    ? "a member appears twice" : e.getOriginalMessage() != null && e.getOriginalMessage().contains("UTF-8")
                    ? "invalid UTF-8" : "malformed JSON";
            throw new Failure(what + " at " + where(e.getLocation()), false, false);
        }
    }

    private static String where(TokenStreamLocation loc) {
        if (loc == null || loc == TokenStreamLocation.NA) {
            return "an unknown position";
        }
        return "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private static Node read(JsonParser p, String pointer) {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Node> members = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    members.put(name, read(p, pointer + "/" + escape(name)));
                }
                return new Node(Kind.OBJECT, pointer, null, Collections.unmodifiableMap(members), null);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, pointer + "/" + i++));
                }
                return new Node(Kind.ARRAY, pointer, null, null, Collections.unmodifiableList(items));
            }
            case VALUE_STRING:
                return new Node(Kind.STRING, pointer, p.getString(), null, null);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Node(Kind.NUMBER, pointer, p.getString(), null, null);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Node(Kind.BOOLEAN, pointer, p.getString(), null, null);
            case VALUE_NULL:
                return new Node(Kind.NULL, pointer, null, null, null);
            default:
                throw new IllegalStateException("unexpected token " + t);
        }
    }

    /** RFC 6901 escaping of one reference token. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** Every string value of the tree (member names too), depth first, with its pointer. */
    static void strings(Node node, java.util.function.BiConsumer<String, String> sink) {
        switch (node.kind) {
            case STRING:
                sink.accept(node.pointer, node.text);
                break;
            case OBJECT:
                for (Map.Entry<String, Node> e : node.members.entrySet()) {
                    sink.accept(node.pointer + " (member name)", e.getKey());
                    strings(e.getValue(), sink);
                }
                break;
            case ARRAY:
                for (Node item : node.items) {
                    strings(item, sink);
                }
                break;
            default:
                break;
        }
    }
}
