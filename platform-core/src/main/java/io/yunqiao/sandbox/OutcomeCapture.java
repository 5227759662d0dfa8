package io.yunqiao.sandbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keeps a copy of the first bytes of an answer while it streams to the caller, and reads the business outcome
 * fields from them. Only the start is kept (business envelopes put their code first) so a page of thousands of
 * records costs no more memory than a refusal.
 *
 * <p>The answer is never completed here: a declared {@code Content-Length} is held back and closing the stream does
 * not close the response, so the caller receives the end of its answer only after {@code service} returns, that is
 * after the call is in the log. (When the container completed an answer on its last declared byte, a caller could
 * read the call log, or reset it, before its own call was recorded: a test then counted a call too few, or a call of
 * the previous test too many.) The container sets the length itself when the answer fits its buffer.
 */
final class OutcomeCapture extends HttpServletResponseWrapper {

    /** Enough for any envelope's leading fields; the rest of a long answer is not kept. */
    static final int KEPT_BYTES = 16 * 1024;
    private static final JsonFactory JSON = new JsonFactory();

    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private ServletOutputStream stream;
    private PrintWriter writer;
    private boolean finishing;

    OutcomeCapture(HttpServletResponse response) {
        super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new Tee(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), false);
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        super.flushBuffer();
    }

    @Override
    public void setContentLength(int length) {
        // held back: see the class comment
    }

    @Override
    public void setContentLengthLong(long length) {
        // held back: see the class comment
    }

    @Override
    public void setHeader(String name, String value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            super.addIntHeader(name, value);
        }
    }

    /**
     * Moves what the writer still holds into the answer (and into the kept head); called once the sandbox has
     * answered, before the call is recorded. The answer stays open until {@code service} returns.
     */
    void finish() {
        if (writer != null) {
            // into the container's buffer only: a flush to the caller would commit a small answer without its length
            finishing = true;
            writer.flush();
        }
    }

    /**
     * The values of {@code fields} in the answer, as text, in the order they came. A field is a dotted path
     * through objects ({@code errcode}, {@code error.code}); arrays are not entered and a field whose value is an
     * object or array is left out. A body that is not JSON, or cut short, yields what was read before the fault.
     */
    Map<String, String> outcome(Set<String> fields) {
        Map<String, String> found = new LinkedHashMap<>();
        if (fields.isEmpty() || head.size() == 0) {
            return found;
        }
        try (JsonParser parser = JSON.createParser(head.toByteArray())) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                read(parser, "", fields, found);
            }
        } catch (IOException cutShortOrNotJson) {
            // what was read so far is the outcome
        }
        return found;
    }

    /** Reads the object the parser has just entered; descends only into objects on the way to a wanted field. */
    private static void read(JsonParser parser, String prefix, Set<String> fields, Map<String, String> found)
            throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String path = prefix + parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT && fields.stream().anyMatch(f -> f.startsWith(path + "."))) {
                read(parser, path + ".", fields, found);
            } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                parser.skipChildren();
            } else if (value != JsonToken.VALUE_NULL && fields.contains(path)) {
                found.put(path, parser.getText());
            }
        }
    }

    /** Copies the first {@link #KEPT_BYTES} into {@code head} on their way out. */
    private final class Tee extends ServletOutputStream {

        private final ServletOutputStream out;

        Tee(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            if (head.size() < KEPT_BYTES) {
                head.write(b);
            }
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            int keep = Math.min(length, KEPT_BYTES - head.size());
            if (keep > 0) {
                head.write(bytes, offset, keep);
            }
            out.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            if (!finishing) {
                out.flush();
            }
        }

        @Override
        public void close() {
            // the container completes the answer after the call is recorded: see the class comment
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
