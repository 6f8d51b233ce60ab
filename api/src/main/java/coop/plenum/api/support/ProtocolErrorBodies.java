package coop.plenum.api.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Sits right behind Netty's HTTP codec and gives a problem+json body to the empty 4xx answers that are decided
 * before Spring sees a request: Reactor Netty's own 400 / 414 / 431 for requests it cannot decode (a request line
 * over {@code server.netty.max-initial-line-length}, 4 KB; headers over {@code server.max-http-request-header-size},
 * 8 KB in all) and Spring's bare 400 for a request target that is not a valid URI (bad percent-encoding). The
 * status stays whatever the server decided; only the empty body is replaced, so nothing about what is refused
 * changes. Answers to API requests that leave empty for any other reason get the same treatment (Spring Security's
 * firewall refuses paths such as {@code a%2Fb} or {@code //} with a bare 400); HEAD answers and the web pages'
 * answers to valid requests are left alone.
 */
final class ProtocolErrorBodies extends ChannelDuplexHandler {

    /** What a response needs to know of its request; HTTP/1.1 answers requests in order. */
    private record Asked(boolean head, boolean api, String refusal) {
    }

    private final ObjectMapper json;
    private final Deque<Asked> pending = new ArrayDeque<>();

    ProtocolErrorBodies(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest request) {
            Asked asked = asked(request);
            if (asked.refusal() == null && pending.isEmpty()) {
                // a connection that starts with a well-formed request is Spring's to answer from here on: step out of
                // its pipeline (in the full test suite, staying in it stalled keep-alive connections after failed
                // sign-ins; the cause was not found, so the handler keeps to the refusals it exists for)
                ctx.pipeline().remove(this);
                super.channelRead(ctx, msg);
                return;
            }
            pending.addLast(asked);
        }
        super.channelRead(ctx, msg);
    }

    private static Asked asked(HttpRequest request) {
        boolean head = HttpMethod.HEAD.equals(request.method());
        if (request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            return new Asked(head, false, cause instanceof TooLongFrameException ? "request.too-long" : "request.malformed");
        }
        String uri = request.uri();
        try {
            new URI(uri);
        } catch (URISyntaxException malformed) {
            return new Asked(head, false, "request.malformed-uri");
        }
        return new Asked(head, ApiPaths.isApi(uri), null);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpResponse response && response.status().code() >= 200) {
            Asked asked = pending.pollFirst();
            if (asked != null && msg instanceof FullHttpResponse full && needsABody(asked, full)) {
                msg = withProblem(full, asked);
            }
        }
        super.write(ctx, msg, promise);
    }

    private static boolean needsABody(Asked asked, FullHttpResponse response) {
        int status = response.status().code();
        return status >= 400 && status < 500 && !asked.head() && !response.content().isReadable()
                && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)
                // only what the server refused before Spring could answer (undecodable requests, invalid request
                // targets): rewriting an ordinary keep-alive answer here stalled the next request on the same connection
                && asked.refusal() != null;
    }

    private FullHttpResponse withProblem(FullHttpResponse empty, Asked asked) {
        HttpStatus status = HttpStatus.resolve(empty.status().code());
        if (status == null) {
            return empty;
        }
        String code = switch (status) {
            case URI_TOO_LONG -> "request.uri-too-long";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "request.headers-too-large";
            case PAYLOAD_TOO_LARGE -> "request.too-large";
            // a well-formed API request refused without a word: Spring Security's firewall (see detail)
            case BAD_REQUEST -> asked.refusal() == null ? "request.rejected"
                    : asked.refusal().equals("request.too-long") ? "request.malformed" : asked.refusal();
            default -> "http." + status.value();
        };
        byte[] body;
        try {
            body = json.writeValueAsBytes(Problems.of(status, code, detail(status, code), null));
        } catch (Exception e) {
            return empty;
        }
        FullHttpResponse answer = new DefaultFullHttpResponse(empty.protocolVersion(), empty.status(), Unpooled.wrappedBuffer(body),
                empty.headers().copy(), empty.trailingHeaders().copy());
        answer.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        answer.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        empty.release();
        return answer;
    }

    private static String detail(HttpStatus status, String code) {
        return switch (code) {
            case "request.uri-too-long" -> "the request line is longer than the server accepts (4 KB)";
            case "request.headers-too-large" -> "the request headers are larger than the server accepts (8 KB in all)";
            case "request.malformed-uri" -> "the request target is not a valid URI (check its percent-encoding)";
            case "request.malformed" -> "the request is not valid HTTP";
            case "request.rejected" -> "the request was refused before it was read: an unknown method, or a path holding "
                    + "an encoded slash, backslash, percent sign or dot, a semicolon, a double slash or a control character";
            default -> status.getReasonPhrase();
        };
    }
}
