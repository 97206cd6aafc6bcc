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
 * <p>Each node knows its parent and its own reference token, and builds its JSON pointer only
 * when evidence needs it: building every pointer eagerly costs the length of the path per node,
 * which ten nested 4000-character names over half a million array items turn into gigabytes.
 * Depth, string length and document length are bounded by Jackson's
 * {@link StreamReadConstraints}, the number of values by {@link #MAX_VALUES}; duplicate members
 * are an error.
 */
final class JsonTree {

    enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

    /** Deepest nesting parsed; a contract error nests far less (see ModelLimits). */
    static final int MAX_DEPTH = 64;

    /**
     * Most values (objects, arrays, scalars) parsed; a contract error has a few hundred at most.
     * Bounds the tree's memory and every walk over it.
     */
    static final int MAX_VALUES = 100_000;

    /** Longest reference token kept whole in a pointer built for evidence; longer ones are elided. */
    static final int MAX_TOKEN_IN_POINTER = 64;

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
        final String text;
        // Set once, by the parser, before the node is handed out.
        Map<String, Node> members;
        List<Node> items;
        private final Node parent;
        // The member name (unescaped) under which the parent holds this node, or null for an item.
        private final String name;
        private final int index;

        private Node(Kind kind, Node parent, String name, int index, String text) {
            this.kind = kind;
            this.parent = parent;
            this.name = name;
            this.index = index;
            this.text = text;
        }

        /**
         * This node's JSON pointer (RFC 6901; {@code "/"} for the root), built on demand. A
         * reference token longer than {@value #MAX_TOKEN_IN_POINTER} characters is shortened
         * with an ellipsis, so a pointer costs at most depth × that much.
         */
        String pointer() {
            if (parent == null) {
                return "/";
            }
            java.util.ArrayDeque<String> tokens = new java.util.ArrayDeque<>();
            for (Node n = this; n.parent != null; n = n.parent) {
                tokens.push(n.name == null ? Integer.toString(n.index) : token(n.name));
            }
            StringBuilder sb = new StringBuilder();
            for (String t : tokens) {
                sb.append('/').append(t);
            }
            return sb.toString();
        }

        private static String token(String name) {
            String escaped = escape(name.length() > MAX_TOKEN_IN_POINTER ? name.substring(0, MAX_TOKEN_IN_POINTER) : name);
            if (name.length() > MAX_TOKEN_IN_POINTER) {
                if (Character.isHighSurrogate(escaped.charAt(escaped.length() - 1))) {
                    escaped = escaped.substring(0, escaped.length() - 1);
                }
                return escaped + "\u2026";
            }
            return escaped;
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
            Node root = read(p, null, null, 0, new int[1]);
            if (p.nextToken() != null) {
                throw new Failure("content after the JSON value at " + where(p.currentTokenLocation()), false, false);
            }
            return root;
        } catch (StreamConstraintsException | TooManyValues e) {
            throw new Failure("exceeds the parser's limits (depth " + MAX_DEPTH + ", size "
                    + ContractChecker.MAX_BODY_BYTES + " bytes, " + MAX_VALUES + " values)", true, false);
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

    /** Thrown (without a stack trace) past {@link #MAX_VALUES}. */
    private static final class TooManyValues extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyValues() {
            super(null, null, false, false);
        }
    }

    private static Node read(JsonParser p, Node parent, String name, int index, int[] count) {
        if (++count[0] > MAX_VALUES) {
            throw new TooManyValues();
        }
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Node node = new Node(Kind.OBJECT, parent, name, index, null);
                Map<String, Node> members = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String member = p.currentName();
                    p.nextToken();
                    members.put(member, read(p, node, member, 0, count));
                }
                node.members = Collections.unmodifiableMap(members);
                return node;
            }
            case START_ARRAY: {
                Node node = new Node(Kind.ARRAY, parent, name, index, null);
                List<Node> items = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, node, null, i++, count));
                }
                node.items = Collections.unmodifiableList(items);
                return node;
            }
            case VALUE_STRING:
                return new Node(Kind.STRING, parent, name, index, p.getString());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Node(Kind.NUMBER, parent, name, index, p.getString());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Node(Kind.BOOLEAN, parent, name, index, p.getString());
            case VALUE_NULL:
                return new Node(Kind.NULL, parent, name, index, null);
            default:
                throw new IllegalStateException("unexpected token " + t);
        }
    }

    /** RFC 6901 escaping of one reference token. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /**
     * Every string value of the tree (member names too), depth first, with a supplier of where it
     * is: the pointer is built only if the sink asks for it (for evidence).
     */
    static void strings(Node node, java.util.function.BiConsumer<java.util.function.Supplier<String>, String> sink) {
        switch (node.kind) {
            case STRING:
                sink.accept(node::pointer, node.text);
                break;
            case OBJECT:
                for (Map.Entry<String, Node> e : node.members.entrySet()) {
                    sink.accept(() -> node.pointer() + " (member name)", e.getKey());
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
