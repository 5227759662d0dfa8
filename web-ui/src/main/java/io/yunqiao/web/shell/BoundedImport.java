package io.yunqiao.web.shell;

import com.vaadin.flow.server.streams.InMemoryUploadCallback;
import com.vaadin.flow.server.streams.InMemoryUploadHandler;

/**
 * An in-memory upload that the server itself cuts off above {@code yunqiao.limits.import-file}: the Upload
 * component's own maximum is checked in the browser only, which a hostile client skips. Used by every import screen
 * (solutions, connector definitions).
 */
public final class BoundedImport extends InMemoryUploadHandler {

    private static final long serialVersionUID = 1L;
    private final long maxBytes;

    public BoundedImport(long maxBytes, InMemoryUploadCallback callback) {
        super(callback);
        this.maxBytes = maxBytes;
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getRequestSizeMax() {
        // the file plus the multipart framing around it
        return maxBytes + 64 * 1024;
    }
}
