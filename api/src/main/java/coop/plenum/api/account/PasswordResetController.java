package coop.plenum.api.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** "Forgot password" for scripts and apps; no credentials needed, throttled per client. */
@RestController
@Tag(name = "Accounts")
class PasswordResetController {

    static final String ANSWER = "If an account matches, a link to reset its password was mailed to its address.";

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    record ResetRequest(String login) {
    }

    record ResetAnswer(String message) {
    }

    record NewPassword(String token, String password) {
    }

    @PostMapping("/api/v1/password-resets")
    @Operation(summary = "Ask for a reset link by username or email; the answer is the same whether or not an account matches")
    @ApiResponse(responseCode = "202", description = "accepted; the work continues in the background")
    Mono<ResponseEntity<ResetAnswer>> request(@RequestBody ResetRequest request, ServerWebExchange exchange) {
        return resets.request(request.login(), clientOf(exchange))
                .thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED).body(new ResetAnswer(ANSWER)));
    }

    @PostMapping("/api/v1/password-resets/{accountId}")
    @Operation(summary = "Set a new password with the token from a reset link (single use)")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> reset(@PathVariable String accountId, @RequestBody NewPassword request, ServerWebExchange exchange) {
        return resets.reset(accountId, request.token(), request.password(), clientOf(exchange))
                .thenReturn(ResponseEntity.noContent().build());
    }

    static String clientOf(ServerWebExchange exchange) {
        var address = exchange.getRequest().getRemoteAddress();
        if (address == null) {
            return "unknown";
        }
        return address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
    }
}
