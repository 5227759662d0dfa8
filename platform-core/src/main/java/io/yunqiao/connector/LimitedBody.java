package io.yunqiao.connector;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An answer's body read as bytes, at most a limit: reading stops (and the connection is dropped) as soon as more
 * arrives, or at once when the answer declares a larger length, so a runaway answer never fills the heap.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final long limit;
    private final int status;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final List<byte[]> chunks = new ArrayList<>();
    private long received;
    private Flow.Subscription subscription;

    private LimitedBody(long limit, int status) {
        this.limit = limit;
        this.status = status;
    }

    /** Bodies of at most {@code limit} bytes; a larger one fails the call with {@link TooLarge}. */
    static HttpResponse.BodyHandler<byte[]> atMost(long limit) {
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
    public CompletionStage<byte[]> getBody() {
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
        byte[] body = new byte[(int) received];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, body, at, chunk.length);
            at += chunk.length;
        }
        chunks.clear();
        result.complete(body);
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
