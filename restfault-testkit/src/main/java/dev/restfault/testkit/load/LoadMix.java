package dev.restfault.testkit.load;

import dev.restfault.testkit.probe.ProbeCase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a load run sends, and how often: a weight for each {@link LoadCase} and
 * {@link ProbeCase} it includes. A case of weight 3 is sent three times as often as one of weight
 * 1; the cases are interleaved evenly (smooth weighted round robin), and each connection starts at
 * another point of the cycle, so every kind of request follows every other on some connection.
 *
 * <p>Written as text ({@link #parse}, {@link #toString}): {@code get=1,post-json=1}, where an id
 * is a {@link LoadCase#id()} or a {@link ProbeCase#id()}, and {@code probe} stands for every probe
 * case. Immutable.
 */
public final class LoadMix {

    /** The largest weight of one case. */
    public static final int MAX_WEIGHT = 1000;

    /** The longest mix {@link #parse} reads, in characters. */
    public static final int MAX_SPEC_LENGTH = 4096;

    /** What {@link #parse} reads as every probe case. */
    public static final String ALL_PROBE_CASES = "probe";

    private static final LoadMix STANDARD = builder()
            .add(LoadCase.GET, 10)
            .add(LoadCase.POST_JSON, 4)
            .add(LoadCase.MALFORMED_JSON, 2)
            .add(LoadCase.UNSUPPORTED_MEDIA_TYPE, 2)
            .addProbeCases(1)
            .build();

    private final List<Entry> entries;

    private LoadMix(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * The mix a run sends unless told otherwise: {@code get=10}, {@code post-json=4},
     * {@code malformed-json=2}, {@code unsupported-media-type=2} and each probe case once, so
     * about a third of the requests are plain reads and every request with a body is followed,
     * on some connection, by each other kind. {@link LoadCase#PUT_JSON} is not in it.
     */
    public static LoadMix standard() {
        return STANDARD;
    }

    /** An empty mix to add cases to. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a mix written as {@code id=weight} items separated by commas ({@code get=1,post-json=1});
     * a bare id has weight 1; {@code probe} adds every probe case with its weight; spaces around
     * items are ignored.
     *
     * @throws IllegalArgumentException if {@code spec} is null, blank, longer than
     *     {@value #MAX_SPEC_LENGTH} characters, names an unknown case or one twice, or has a weight
     *     that is not an integer within 1..{@value #MAX_WEIGHT}; the message quotes at most 40
     *     characters of the offending item
     */
    public static LoadMix parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("mix must not be empty: write id=weight items, such as get=1,post-json=1");
        }
        if (spec.length() > MAX_SPEC_LENGTH) {
            throw new IllegalArgumentException("mix is longer than " + MAX_SPEC_LENGTH + " characters");
        }
        Builder b = builder();
        for (String raw : spec.split(",", -1)) {
            String item = raw.strip();
            if (item.isEmpty()) {
                throw new IllegalArgumentException("mix has an empty item: write id=weight items separated by commas");
            }
            int eq = item.indexOf('=');
            String id = (eq < 0 ? item : item.substring(0, eq)).strip();
            int weight = 1;
            if (eq >= 0) {
                String w = item.substring(eq + 1).strip();
                try {
                    weight = Integer.parseInt(w);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("weight of '" + cut(id) + "' is not an integer: '" + cut(w) + "'");
                }
            }
            if (id.equals(ALL_PROBE_CASES)) {
                b.addProbeCases(weight);
                continue;
            }
            java.util.Optional<LoadCase> load = LoadCase.byId(id);
            java.util.Optional<ProbeCase> probe = ProbeCase.byId(id);
            if (load.isPresent()) {
                b.add(load.get(), weight);
            } else if (probe.isPresent()) {
                b.add(probe.get(), weight);
            } else {
                throw new IllegalArgumentException("no case '" + cut(id) + "' (known: " + knownIds() + ")");
            }
        }
        return b.build();
    }

    private static String knownIds() {
        StringBuilder sb = new StringBuilder();
        for (LoadCase c : LoadCase.values()) {
            sb.append(c.id()).append(", ");
        }
        for (ProbeCase c : ProbeCase.values()) {
            sb.append(c.id()).append(", ");
        }
        return sb.append(ALL_PROBE_CASES).toString();
    }

    private static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    /** The weight of each case by id, in the order they were added. */
    public Map<String, Integer> weights() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Entry e : entries) {
            m.put(e.id, e.weight);
        }
        return Collections.unmodifiableMap(m);
    }

    /** This mix without {@code skipped}; empty when nothing is left. */
    LoadMix without(Set<ProbeCase> skipped) {
        List<Entry> kept = new ArrayList<>();
        for (Entry e : entries) {
            if (!skipped.contains(e.kind)) {
                kept.add(e);
            }
        }
        return new LoadMix(kept);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * One cycle of the mix: each case as many times as its weight, interleaved by smooth weighted
     * round robin, so a heavy case does not come in one block.
     */
    List<Enum<?>> cycle() {
        int total = 0;
        for (Entry e : entries) {
            total += e.weight;
        }
        int[] current = new int[entries.size()];
        List<Enum<?>> out = new ArrayList<>(total);
        for (int n = 0; n < total; n++) {
            int best = 0;
            for (int i = 0; i < current.length; i++) {
                current[i] += entries.get(i).weight;
                if (current[i] > current[best]) {
                    best = i;
                }
            }
            current[best] -= total;
            out.add(entries.get(best).kind);
        }
        return out;
    }

    /** {@code id=weight} items separated by commas, as {@link #parse} reads them. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) {
            sb.append(sb.length() == 0 ? "" : ",").append(e.id).append('=').append(e.weight);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoadMix && ((LoadMix) o).entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    private static final class Entry {
        final Enum<?> kind;
        final String id;
        final int weight;

        Entry(Enum<?> kind, String id, int weight) {
            this.kind = kind;
            this.id = id;
            this.weight = weight;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry && ((Entry) o).kind == kind && ((Entry) o).weight == weight;
        }

        @Override
        public int hashCode() {
            return kind.hashCode() * 31 + weight;
        }
    }

    /** Builds a {@link LoadMix}; not thread-safe. */
    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a load case.
         *
         * @throws IllegalArgumentException if {@code c} is null or already added, or the weight is
         *     outside 1..{@value #MAX_WEIGHT}
         */
        public Builder add(LoadCase c, int weight) {
            return put(c, c == null ? null : c.id(), weight);
        }

        /**
         * Adds a probe case.
         *
         * @throws IllegalArgumentException if {@code c} is null or already added, or the weight is
         *     outside 1..{@value #MAX_WEIGHT}
         */
        public Builder add(ProbeCase c, int weight) {
            return put(c, c == null ? null : c.id(), weight);
        }

        /**
         * Adds every probe case with {@code weight}.
         *
         * @throws IllegalArgumentException if one is already added, or the weight is outside
         *     1..{@value #MAX_WEIGHT}
         */
        public Builder addProbeCases(int weight) {
            for (ProbeCase c : ProbeCase.values()) {
                add(c, weight);
            }
            return this;
        }

        private Builder put(Enum<?> kind, String id, int weight) {
            if (kind == null) {
                throw new IllegalArgumentException("case must not be null");
            }
            if (weight < 1 || weight > MAX_WEIGHT) {
                throw new IllegalArgumentException("weight of '" + id + "' must be within 1.." + MAX_WEIGHT + ", was " + weight);
            }
            for (Entry e : entries) {
                if (e.kind == kind) {
                    throw new IllegalArgumentException("case '" + id + "' appears twice in the mix");
                }
            }
            entries.add(new Entry(Objects.requireNonNull(kind), id, weight));
            return this;
        }

        /**
         * The mix.
         *
         * @throws IllegalArgumentException if no case was added
         */
        public LoadMix build() {
            if (entries.isEmpty()) {
                throw new IllegalArgumentException("mix must name at least one case");
            }
            return new LoadMix(entries);
        }
    }
}
