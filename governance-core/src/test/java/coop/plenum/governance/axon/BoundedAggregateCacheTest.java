package coop.plenum.governance.axon;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedAggregateCacheTest {

    @Test
    void entriesStayStronglyHeldUntilTheCapacityIsExceeded() {
        BoundedAggregateCache cache = new BoundedAggregateCache(2);
        cache.put("a", new Object());
        cache.put("b", new Object());
        System.gc();
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isTrue();
    }

    @Test
    void theLeastRecentlyUsedEntryIsEvictedFirstAndListenersHearOfIt() {
        BoundedAggregateCache cache = new BoundedAggregateCache(2);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new org.axonframework.common.caching.Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat((Integer) cache.get("a")).isEqualTo(1);
        cache.put("c", 3);
        assertThat(cache.containsKey("b")).as("b was used least recently").isFalse();
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(expired).containsExactly("b");
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aRemovedOrClearedEntryIsGone() {
        BoundedAggregateCache cache = new BoundedAggregateCache(4);
        cache.put("a", 1);
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        cache.put("b", 1);
        cache.removeAll();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aCapacityBelowOneIsRefusedAtStart() {
        assertThatThrownBy(() -> new BoundedAggregateCache(0)).hasMessageContaining("aggregate-cache-size");
    }
}
