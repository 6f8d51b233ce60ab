package coop.plenum.security;

import coop.plenum.support.BootedPlenum;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.ResponseCookie;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10: the UI sent no Content-Security-Policy and no Permissions-Policy. */
class BrowserHeadersTest extends BootedPlenum {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_HANDLER = Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @Test
    void pagesAllowScriptsOnlyFromPlenumItselfAndNoInlineScript() {
        for (String page : new String[]{"/login", "/swagger-ui/index.html"}) {
            // Swagger UI's files are looked up on first use, which takes seconds on a busy machine
            String csp = http.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build().get().uri(page).exchange().expectStatus().isOk()
                    .returnResult(String.class).getResponseHeaders().getFirst("Content-Security-Policy");
            assertThat(csp).as(page).isNotNull().contains("script-src 'self';", "object-src 'none'", "frame-ancestors 'none'");
            String scriptSrc = csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src")));
            assertThat(scriptSrc).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        }
    }

    @Test
    void pagesMayUseNoCameraMicrophoneLocationOrPayment() {
        http.get().uri("/login").exchange().expectHeader().valueMatches("Permissions-Policy",
                ".*camera=\\(\\).*geolocation=\\(\\).*microphone=\\(\\).*payment=\\(\\).*");
    }

    @Test
    void noTemplateCarriesAnInlineScriptOrEventHandler() throws Exception {
        Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
        assertThat(templates).isNotEmpty();
        List<String> offences = new ArrayList<>();
        for (Resource template : templates) {
            String html = template.getContentAsString(StandardCharsets.UTF_8);
            for (Pattern forbidden : new Pattern[]{INLINE_SCRIPT, INLINE_HANDLER}) {
                Matcher m = forbidden.matcher(html);
                while (m.find()) {
                    offences.add(template.getFilename() + ": " + m.group().strip());
                }
            }
            if (html.contains("javascript:")) {
                offences.add(template.getFilename() + ": javascript: URL");
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void overPlainHttpTheSessionCookieIsHttpOnlyButNotSecure() {
        ResponseCookie session = http.get().uri("/login").header("X-Forwarded-Proto", "https").exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseCookies().getFirst("SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        // without server.forward-headers-strategy a client's X-Forwarded-Proto is not believed
        assertThat(session.isSecure()).isFalse();
    }
}
