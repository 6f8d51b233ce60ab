package coop.plenum.governance.axon;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.List;
import java.util.Optional;

/**
 * A processor's token store that tells {@link ProcessorProgress} each position it stores, once the transaction that
 * stored it has committed: read-your-writes is completed by this callback instead of polling the processors.
 */
public final class NotifyingTokenStore implements TokenStore {

    private final TokenStore delegate;
    private final ProcessorProgress progress;
    private final TokenClaimLock claims;

    NotifyingTokenStore(TokenStore delegate, ProcessorProgress progress) {
        this(delegate, progress, null);
    }

    /** With {@code claims}, every claim on the delegate is taken under that lock (see {@link TokenClaimLock}). */
    NotifyingTokenStore(TokenStore delegate, ProcessorProgress progress, TokenClaimLock claims) {
        this.delegate = delegate;
        this.progress = progress;
        this.claims = claims;
    }

    private <T> T claiming(String processorName, java.util.function.Supplier<T> claim) {
        return claims == null ? claim.get() : claims.locked(processorName, claim);
    }

    private void claiming(String processorName, Runnable claim) {
        claiming(processorName, () -> {
            claim.run();
            return null;
        });
    }

    /** The store that keeps the tokens. */
    public TokenStore delegate() {
        return delegate;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        delegate.storeToken(token, processorName, segment);
        // a token without a position (reset to the start of the log) has handled nothing
        Reach reach = Reach.of(token);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(u -> progress.stored(processorName, segment, reach));
        } else {
            progress.stored(processorName, segment, reach);
        }
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) throws UnableToClaimTokenException {
        claiming(processorName, () -> delegate.initializeTokenSegments(processorName, segmentCount));
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken)
            throws UnableToClaimTokenException {
        claiming(processorName, () -> delegate.initializeTokenSegments(processorName, segmentCount, initialToken));
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        return claiming(processorName, () -> delegate.fetchToken(processorName, segment));
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        return claiming(processorName, () -> delegate.fetchToken(processorName, segment));
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        delegate.extendClaim(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        claiming(processorName, () -> delegate.releaseClaim(processorName, segment));
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        claiming(processorName, () -> delegate.initializeSegment(token, processorName, segment));
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        claiming(processorName, () -> delegate.deleteToken(processorName, segment));
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }
}
