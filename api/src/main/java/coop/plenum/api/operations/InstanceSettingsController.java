package coop.plenum.api.operations;

import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.instance.ChangeInstanceSettings;
import coop.plenum.governance.instance.query.FindInstanceSettings;
import coop.plenum.governance.instance.query.InstanceSettingsView;
import coop.plenum.kernel.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The instance's settings (operator only, like everything under /api/v1/operations). */
@RestController
@Tag(name = "Operations")
class InstanceSettingsController {

    private final Commands commands;
    private final Queries queries;

    InstanceSettingsController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record SettingsJson(Boolean openSignUp) {
    }

    @GetMapping("/api/v1/operations/settings")
    @Operation(summary = "The instance settings (operator)")
    Mono<SettingsJson> get() {
        return queries.one(new FindInstanceSettings(), InstanceSettingsView.class).defaultIfEmpty(InstanceSettingsView.DEFAULTS)
                .map(v -> new SettingsJson(v.openSignUp()));
    }

    @PutMapping("/api/v1/operations/settings")
    @Operation(summary = "Change the instance settings: openSignUp lets anyone create an account (operator)")
    Mono<SettingsJson> put(@RequestBody SettingsJson request, @AuthenticationPrincipal PlenumUser operator,
                           @RequestHeader(value = "X-Correlation-Id", required = false) String correlation) {
        if (request.openSignUp() == null) {
            return Mono.error(new InvalidInput("openSignUp", "settings.open-sign-up-missing", "openSignUp is true or false"));
        }
        return commands.send(new ChangeInstanceSettings(request.openSignUp()), operator.caller(correlation))
                .then(get());
    }
}
