package coop.plenum.governance.voting;

/**
 * SPEC "Liquid delegation", resolution on plain arrays: members are indices {@code 0..n-1}; {@code delegate[m]} is the
 * index m delegates to for the proposal's topic, {@link #NO_DELEGATION} or {@link #OUTSIDE_ELECTORATE};
 * {@code ballot[m]} is their ballot, of whatever type the voting method has, or {@code null}. Every member is visited a constant number of
 * times (O(members + delegations)) and chains are followed with an explicit stack, so a chain of a million hops
 * cannot overflow the call stack.
 */
final class ChainResolution {

    static final int NO_DELEGATION = -1;
    static final int OUTSIDE_ELECTORATE = -2;

    /** How a member's chain ends. */
    static final byte VOTED = 0;
    static final byte ENDS_WITHOUT_BALLOT = 1;
    static final byte ENDS_OUTSIDE_ELECTORATE = 2;
    static final byte ENDS_IN_CYCLE = 3;

    /** How each chain ends. */
    final byte[] end;
    /** For VOTED: the member whose ballot ends the chain; otherwise the member where it ended (on the cycle, for a cycle). */
    final int[] endsAt;
    /** Delegation hops from the member to {@link #endsAt}; 0 for a direct ballot. */
    final int[] hops;

    private ChainResolution(int n) {
        end = new byte[n];
        endsAt = new int[n];
        hops = new int[n];
    }

    static ChainResolution resolve(int[] delegate, Object[] ballot) {
        int n = delegate.length;
        ChainResolution r = new ChainResolution(n);
        byte[] state = new byte[n];          // 0 unvisited, 1 on the current path, 2 resolved
        int[] path = new int[n];
        int[] positionOnPath = new int[n];
        for (int start = 0; start < n; start++) {
            if (state[start] != 0) {
                continue;
            }
            int top = 0;
            int x = start;
            while (true) {
                if (state[x] == 2) {
                    break;
                }
                if (state[x] == 1) {
                    // the path came back to x: everyone from x to the top of the path is on a cycle without a ballot
                    for (int i = positionOnPath[x]; i < top; i++) {
                        int y = path[i];
                        r.end[y] = ENDS_IN_CYCLE;
                        r.endsAt[y] = x;
                        r.hops[y] = 0;
                        state[y] = 2;
                    }
                    top = positionOnPath[x];
                    break;
                }
                state[x] = 1;
                positionOnPath[x] = top;
                path[top++] = x;
                if (ballot[x] != null) {
                    r.settle(x, VOTED);
                    state[x] = 2;
                    top--;
                    break;
                }
                int d = delegate[x];
                if (d == NO_DELEGATION || d == OUTSIDE_ELECTORATE) {
                    r.settle(x, d == NO_DELEGATION ? ENDS_WITHOUT_BALLOT : ENDS_OUTSIDE_ELECTORATE);
                    state[x] = 2;
                    top--;
                    break;
                }
                x = d;
            }
            // everyone still on the path delegates to the member after them, which is resolved now
            for (int i = top - 1; i >= 0; i--) {
                int y = path[i];
                r.follow(y, delegate[y]);
                state[y] = 2;
            }
        }
        return r;
    }

    private void settle(int member, byte how) {
        end[member] = how;
        endsAt[member] = member;
        hops[member] = 0;
    }

    /** {@code member} delegates to {@code next}, whose chain is resolved: {@code member}'s is one hop longer. */
    void follow(int member, int next) {
        end[member] = end[next];
        endsAt[member] = endsAt[next];
        hops[member] = end[next] == ENDS_IN_CYCLE ? 0 : hops[next] + 1;
    }

    /** Counted: the chain ends at a ballot within {@code maxChainLength} hops (0: unlimited). */
    boolean counted(int member, int maxChainLength) {
        return end[member] == VOTED && (maxChainLength <= 0 || hops[member] <= maxChainLength);
    }
}
