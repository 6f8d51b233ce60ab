package coop.plenum.api.account;

import coop.plenum.api.security.PlenumUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Self-service: every signed-in account changes only its own name, time zone, language, reset address and password. */
@RestController
@Tag(name = "Accounts")
class AccountSettingsController {

    private static final String CORRELATION = "X-Correlation-Id";

    private final AccountSettings settings;

    AccountSettingsController(AccountSettings settings) {
        this.settings = settings;
    }

    record ProfileRequest(String displayName, String timeZone, String language) {
    }

    record EmailRequest(String email) {
    }

    record PasswordRequest(String currentPassword, String newPassword) {
    }

    @PutMapping("/api/v1/accounts/me/profile")
    @Operation(summary = "Set your display name, IANA time zone and language (en, es, de)")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> profile(@RequestBody ProfileRequest request, @AuthenticationPrincipal PlenumUser user,
                                       @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return settings.profile(user, request.displayName(), request.timeZone(), request.language(), correlation)
                .thenReturn(ResponseEntity.noContent().build());
    }

    @PutMapping("/api/v1/accounts/me/email")
    @Operation(summary = "Set the address password resets are mailed to")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> email(@RequestBody EmailRequest request, @AuthenticationPrincipal PlenumUser user,
                                     @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return settings.email(user, request.email(), correlation).thenReturn(ResponseEntity.noContent().build());
    }

    @PutMapping("/api/v1/accounts/me/password")
    @Operation(summary = "Change your password (the current one is required)")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> password(@RequestBody PasswordRequest request, @AuthenticationPrincipal PlenumUser user,
                                        @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return settings.password(user, request.currentPassword(), request.newPassword(), correlation)
                .thenReturn(ResponseEntity.noContent().build());
    }
}
