package coop.plenum.api.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/** Reactor Netty's pipeline, extended so that the server's own refusals also carry problem+json. */
@Configuration(proxyBeanMethods = false)
class HttpServerConfiguration {

    @Bean
    NettyServerCustomizer protocolErrorBodies(ObjectMapper json) {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            // only HTTP/1.1 pipelines have the codec; the handler must see the codec's output before Reactor does
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "plenum.protocolErrorBodies", new ProtocolErrorBodies(json));
            }
        });
    }
}
