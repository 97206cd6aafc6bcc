package dev.restfault.throttling.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Bucket4j's compare-and-swap as one Lua script that also answers with the current state when
 * the swap fails, so that the retry needs no read of its own. Sent by its SHA-1
 * ({@code EVALSHA}); sent whole ({@code EVAL}) only when Redis does not know it yet (first use,
 * or after a restart or {@code SCRIPT FLUSH}).
 */
final class CasScript {

    /**
     * KEYS[1] the bucket; ARGV[1] the state expected ("" for none), ARGV[2] the new state,
     * ARGV[3] its time to live in milliseconds. Answers {1} when swapped, {0, current} or {0}
     * (no state) when not.
     */
    static final String SOURCE = String.join("\n",
            "local current = redis.call('get', KEYS[1])",
            "if (current == false and ARGV[1] == '') or current == ARGV[1] then",
            "  redis.call('set', KEYS[1], ARGV[2], 'px', ARGV[3])",
            "  return {1}",
            "end",
            "if current then return {0, current} end",
            "return {0}");

    static final String SHA1 = sha1(SOURCE);

    private static final byte[] NONE = new byte[0];

    private CasScript() {
    }

    /** The outcome of one compare-and-swap. */
    record Outcome(boolean swapped, byte[] current) {
    }

    /**
     * Swaps {@code expected} (null: no state) for {@code update} with a time to live; one round
     * trip (two when Redis must first learn the script).
     */
    static CompletableFuture<Outcome> run(RedisAsyncCommands<byte[], byte[]> redis, byte[] key, byte[] expected,
            byte[] update, long ttlMillis) {
        byte[][] keys = {key};
        byte[] ttl = Long.toString(Math.max(1, ttlMillis)).getBytes(StandardCharsets.US_ASCII);
        byte[] expect = expected == null ? NONE : expected;
        CompletableFuture<List<Object>> sent = redis.<List<Object>>evalsha(SHA1, ScriptOutputType.MULTI, keys, expect, update, ttl)
                .toCompletableFuture();
        return sent
                .exceptionallyCompose(error -> unwrap(error) instanceof RedisNoScriptException
                        ? redis.<List<Object>>eval(SOURCE, ScriptOutputType.MULTI, keys, expect, update, ttl).toCompletableFuture()
                        : CompletableFuture.failedFuture(error))
                .thenApply(CasScript::outcome);
    }

    private static Outcome outcome(List<Object> reply) {
        if (reply == null || reply.isEmpty() || !(reply.get(0) instanceof Long swapped)) {
            throw new IllegalStateException("unexpected answer from the compare-and-swap script");
        }
        byte[] current = reply.size() > 1 && reply.get(1) instanceof byte[] b ? b : null;
        return new Outcome(swapped == 1L, current);
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private static String sha1(String source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }
}
