package coop.plenum.api.support;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The OpenAPI 3 description served at /v3/api-docs, with Swagger UI at /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI plenumOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Plenum API").version("v1")
                        .description("Event-sourced governance for open cooperatives. Errors are application/problem+json "
                                + "with a stable `code` and, for bad input, the offending `field`.")
                        .license(new License().name("AGPL-3.0-or-later").url("https://www.gnu.org/licenses/agpl-3.0.html")))
                .components(new Components()
                        .addSchemas("Problem", problem())
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("username and password; failed sign-ins are throttled (429 with Retry-After)"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("a personal access token from POST /api/v1/accounts/me/tokens; scope `read` may only GET")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * The body of every API error, as {@link Problems} and the security handlers write it (RFC 9457 plus Plenum's
     * {@code code} and {@code field}); every 4xx response of the description refers to it.
     */
    static Schema<?> problem() {
        return new ObjectSchema()
                .description("An error (RFC 9457 problem details), sent as application/problem+json")
                .addProperty("type", new StringSchema().format("uri").example("urn:plenum:problem:cooperative.not-found")
                        .description("urn:plenum:problem: followed by the code"))
                .addProperty("title", new StringSchema().example("Not Found").description("the HTTP status's reason phrase"))
                .addProperty("status", new IntegerSchema().example(404).description("the HTTP status code"))
                .addProperty("detail", new StringSchema().description("a human-readable explanation of this occurrence"))
                .addProperty("instance", new StringSchema().format("uri").description("the request path, where known"))
                .addProperty("code", new StringSchema().example("cooperative.not-found")
                        .description("a stable machine-readable code; branch on this, not on the text"))
                .addProperty("field", new StringSchema().example("charter.classes[0].weight")
                        .description("for bad input: the offending field"))
                .addProperty("errors", new ArraySchema().description("for bad input: every violation found")
                        .items(new ObjectSchema()
                                .addProperty("field", new StringSchema())
                                .addProperty("code", new StringSchema())
                                .addProperty("message", new StringSchema())))
                .required(List.of("type", "title", "status", "code"));
    }
}
