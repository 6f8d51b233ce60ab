package coop.plenum.api.account;

import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.account.CreateAccount;
import coop.plenum.governance.account.query.AccountView;
import coop.plenum.governance.account.query.FindAccount;
import coop.plenum.kernel.IdGenerator;
import coop.plenum.kernel.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;

@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts", description = "Logins of people; one account may belong to several cooperatives")
class AccountController {

    private final Commands commands;
    private final Queries queries;
    private final PasswordEncoder passwords;
    private final IdGenerator ids;

    AccountController(Commands commands, Queries queries, PasswordEncoder passwords, IdGenerator ids) {
        this.commands = commands;
        this.queries = queries;
        this.passwords = passwords;
        this.ids = ids;
    }

    @PostMapping
    @Operation(summary = "Create an account (operator only)")
    @ApiResponse(responseCode = "201", description = "created")
    Mono<ResponseEntity<AccountCreatedResponse>> create(@RequestBody CreateAccountRequest request,
                                                        @AuthenticationPrincipal PlenumUser operator,
                                                        @RequestHeader(value = "X-Correlation-Id", required = false) String correlation) {
        AccountId accountId = new AccountId(ids.newId());
        return Mono.fromCallable(() -> {
                    PasswordPolicy.assertAcceptable(request.password());
                    String username = request.username() == null ? null : request.username().strip();
                    if (username != null && !username.equals(username.toLowerCase())) {
                        throw new InvalidInput("username", "account.username-invalid", "usernames are lowercase");
                    }
                    // bcrypt is deliberately slow: keep it off the event loop
                    return new CreateAccount(accountId, username, request.displayName(), passwords.encode(request.password()), false);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(command -> commands.send(command, operator.caller(correlation)))
                .thenReturn(ResponseEntity.created(URI.create("/api/v1/accounts/" + accountId.value()))
                        .body(new AccountCreatedResponse(accountId.value())));
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in account")
    Mono<AccountResponse> me(@AuthenticationPrincipal PlenumUser user) {
        return queries.one(new FindAccount(user.accountId()), AccountView.class)
                .map(a -> new AccountResponse(a.accountId().value(), a.username(), a.displayName(), a.operator(), a.createdAt(),
                        a.timeZone(), a.language(), a.email()))
                .defaultIfEmpty(new AccountResponse(user.accountId().value(), user.getUsername(), user.displayName(), user.operator(),
                        null, null, null, null));
    }
}
