package coop.plenum.api.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Accounts")
class SignUpController {

    private final SignUps signUps;

    SignUpController(SignUps signUps) {
        this.signUps = signUps;
    }

    record SignUpRequest(String username, String displayName, String password, String email) {
    }

    @PostMapping("/api/v1/signups")
    @Operation(summary = "Create your own account, when the operator opened sign-up (404 otherwise); throttled per client")
    @ApiResponse(responseCode = "201", description = "created")
    Mono<ResponseEntity<AccountCreatedResponse>> signUp(@RequestBody SignUpRequest request, ServerWebExchange exchange) {
        return signUps.signUp(request.username(), request.displayName(), request.password(), request.email(),
                        PasswordResetController.clientOf(exchange))
                .map(id -> ResponseEntity.status(HttpStatus.CREATED).body(new AccountCreatedResponse(id.value())));
    }
}
