package io.yunqiao.connector;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An answer's body read as bytes, at most a limit: reading stops (and the connection is dropped) as soon as more
 * arrives, or at once when the answer declares a larger length, so a runaway answer never fills the heap. The bytes
 * stay in the chunks they arrived in: a page of about 1 MB copied into one array would be a "humongous" object for
 * a small heap's collector (half a region or more), and each one starts a marking cycle.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<LimitedBody.Bytes> {

    /** A whole answer, in the chunks it arrived in. */
    static final class Bytes {

        private final List<byte[]> chunks;
        private final long length;

        private Bytes(List<byte[]> chunks, long length) {
            this.chunks = chunks;
            this.length = length;
        }

        boolean isEmpty() {
            return length == 0;
        }

        /** The bytes as a stream, to be parsed without copying them into one array. */
        InputStream stream() {
            List<InputStream> streams = new ArrayList<>(chunks.size());
            chunks.forEach(chunk -> streams.add(new ByteArrayInputStream(chunk)));
            return new SequenceInputStream(Collections.enumeration(streams));
        }

        /** The whole answer as text (UTF-8; bytes that are not UTF-8 are replaced). */
        String text() {
            return new String(first(length), StandardCharsets.UTF_8);
        }

        /**
         * The first {@code chars} characters (fewer when the answer is shorter), decoded from no more bytes than
         * they can take: a message or trace never copies a whole page into a String.
         */
        String head(int chars) {
            String text = new String(first(Math.min(length, (long) chars * 4)), StandardCharsets.UTF_8);
            return text.length() > chars ? text.substring(0, chars) : text;
        }

        private byte[] first(long count) {
            byte[] bytes = new byte[(int) count];
            int at = 0;
            for (byte[] chunk : chunks) {
                if (at >= count) {
                    break;
                }
                int taken = (int) Math.min(chunk.length, count - at);
                System.arraycopy(chunk, 0, bytes, at, taken);
                at += taken;
            }
            return bytes;
        }
    }

    private final long limit;
    private final int status;
    private final CompletableFuture<Bytes> result = new CompletableFuture<>();
    private final List<byte[]> chunks = new ArrayList<>();
    private long received;
    private Flow.Subscription subscription;

    private LimitedBody(long limit, int status) {
        this.limit = limit;
        this.status = status;
    }

    /** Bodies of at most {@code limit} bytes; a larger one fails the call with {@link TooLarge}. */
    static HttpResponse.BodyHandler<Bytes> atMost(long limit) {
        return info -> {
            LimitedBody body = new LimitedBody(limit, info.statusCode());
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > limit) {
                body.received = declared;
                body.refuse();
            }
            return body;
        };
    }

    @Override
    public CompletionStage<Bytes> getBody() {
        return result;
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription given) {
        subscription = given;
        if (result.isDone()) {
            given.cancel();
        } else {
            given.request(Long.MAX_VALUE);
        }
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            received += buffer.remaining();
            if (received > limit) {
                refuse();
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            chunks.add(chunk);
        }
    }

    private void refuse() {
        chunks.clear();
        if (subscription != null) {
            subscription.cancel();
        }
        result.completeExceptionally(new TooLarge(limit, status, received));
    }

    @Override
    public synchronized void onError(Throwable failure) {
        chunks.clear();
        result.completeExceptionally(failure);
    }

    @Override
    public synchronized void onComplete() {
        if (result.isDone()) {
            return;
        }
        result.complete(new Bytes(List.copyOf(chunks), received));
        chunks.clear();
    }

    /** The answer was larger than the limit; nothing of it is kept. */
    static final class TooLarge extends IOException {

        private static final long serialVersionUID = 1L;

        private final long limit;
        private final int status;

        TooLarge(long limit, int status, long received) {
            super("the answer is larger than " + limit + " bytes (" + (received > limit ? "at least " : "")
                    + received + " received or declared); reading stopped");
            this.limit = limit;
            this.status = status;
        }

        long limit() {
            return limit;
        }

        int status() {
            return status;
        }

        /** The TooLarge among the causes of a failed call, or {@code null}. */
        static TooLarge in(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof TooLarge tooLarge) {
                    return tooLarge;
                }
            }
            return null;
        }
    }
}
