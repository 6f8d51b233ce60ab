package coop.plenum.api.support;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;

/**
 * The API's JSON rules: decimals leave as exact strings ("12.500000"), unknown fields and fractional integers are
 * refused (a typo like "wieght" must not silently become a default), instants are ISO-8601.
 * <p>
 * Reading is strict, because a body that can be read in two ways is one a client and the server may read
 * differently: a key given twice, anything after the value, a number or boolean where text belongs, a number where
 * an enum constant belongs are all 400 ({@link ApiExceptionHandler}). The parser's limits ({@link #READ_LIMITS})
 * sit far above anything a valid request needs and below what could cost the server: the body itself is capped at
 * {@code plenum.api.max-body-size} (256 KB) before parsing.
 * <p>
 * This mapper is Spring's, for HTTP only. The event log has its own mapper
 * ({@code governance-core SerializationConfiguration}) that stays lenient, so that every stored event stays readable.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    /** Nesting 32 (a charter needs 4), numbers of 100 digits, texts of 64 Ki characters, field names of 256. */
    static final StreamReadConstraints READ_LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(32)
            .maxNumberLength(100)
            .maxStringLength(64 * 1024)
            .maxNameLength(256)
            .build();

    @Bean
    Jackson2ObjectMapperBuilderCustomizer plenumApiJson() {
        return builder -> builder
                .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION,
                        JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .serializerByType(BigDecimal.class, ToStringSerializer.instance)
                .postConfigurer(JsonConfiguration::strictReading);
    }

    private static void strictReading(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(READ_LIMITS);
        // text and yes/no are never guessed from another JSON type; decimals may still come as exact strings
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        // an instant is ISO-8601 text: Jackson would read 1767225600 as seconds and 1767225600000 as seconds too (a date
        // in the year 57970), so a client sending epoch milliseconds would get a vote closing in another millennium
        mapper.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("plenum-instants")
                .addDeserializer(java.time.Instant.class, new IsoInstantOnly()));
    }

    /** Reads an instant only from ISO-8601 text, as Jackson's own reader does; any other JSON type is refused. */
    static final class IsoInstantOnly extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<java.time.Instant> {

        IsoInstantOnly() {
            super(java.time.Instant.class);
        }

        @Override
        public java.time.Instant deserialize(JsonParser parser, com.fasterxml.jackson.databind.DeserializationContext context)
                throws java.io.IOException {
            if (!parser.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                return (java.time.Instant) context.handleUnexpectedToken(java.time.Instant.class, parser);
            }
            return com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
