package org.ovsqos.ovsdb.netty;

import com.fasterxml.jackson.core.JacksonException;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.io.IOException;
import javax.net.ssl.SSLException;
import org.ovsqos.ovsdb.OvsdbConnectionException;
import org.ovsqos.ovsdb.OvsdbException;
import org.ovsqos.ovsdb.OvsdbProtocolException;

/** Turns what a pipeline stage threw into the library's exception types. */
final class Failures {

    /** The framer's message carries a hex dump of everything buffered, which may be megabytes. */
    private static final int MAX_DETAIL = 160;

    private Failures() {
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "...";
    }

    static OvsdbException classify(Throwable failure, String connection, int maxMessageSize) {
        Throwable cause = failure instanceof DecoderException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof OvsdbException known) {
            return known;
        }
        if (cause instanceof TooLongFrameException) {
            return new OvsdbProtocolException("message from " + connection + " exceeds the limit of "
                    + maxMessageSize + " bytes", cause);
        }
        if (cause instanceof CorruptedFrameException) {
            return new OvsdbProtocolException("invalid JSON from " + connection + ": "
                    + abbreviate(cause.getMessage()), cause);
        }
        if (cause instanceof JacksonException json) {
            return new OvsdbProtocolException("invalid JSON from " + connection + ": " + json.getOriginalMessage(),
                    cause);
        }
        if (cause instanceof SSLException || cause.getCause() instanceof SSLException) {
            return new OvsdbConnectionException("TLS failure on " + connection + ": " + cause.getMessage(), cause);
        }
        if (failure instanceof EncoderException) {
            return new OvsdbConnectionException("closing " + connection + ": a request could not be encoded: "
                    + failure.getCause(), failure);
        }
        if (cause instanceof IOException) {
            return new OvsdbConnectionException("I/O error on " + connection + ": " + cause.getMessage(), cause);
        }
        return new OvsdbConnectionException("unexpected failure on " + connection + ": " + cause, cause);
    }
}
