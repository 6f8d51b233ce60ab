package coop.plenum.governance.axon;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Which event types a processing group may batch ({@link ReadModelWrites#batch}). Several projections can share one
 * group, and so one processor and one token write per batch. An event's writes may then wait for the end of the batch
 * only if every projection of the group that handles it queues its writes: one that wrote, removed or read at once
 * would run before writes queued earlier in the batch by its neighbour (a removal undone by a queued upsert, a read
 * that misses a queued write). So a type is batchable when some projection of the group asked for it and every
 * other projection of the group that handles it asked for it too; otherwise its writes go at once and say so in the log.
 */
final class BatchableEvents {

    private static final Logger log = LoggerFactory.getLogger(BatchableEvents.class);

    /** group → projection class → the types it asked to batch. */
    private final Map<String, Map<Class<?>, Set<Class<?>>>> declared = new ConcurrentHashMap<>();
    private final Map<String, Set<Class<?>>> resolved = new ConcurrentHashMap<>();
    /** The projection classes of a group; without an application context, those that asked to batch something. */
    private volatile Function<String, Collection<Class<?>>> members = group -> declared.getOrDefault(group, Map.of()).keySet();

    void declare(Class<?> projection, String group, Collection<Class<?>> types) {
        declared.computeIfAbsent(group, g -> new ConcurrentHashMap<>())
                .computeIfAbsent(projection, p -> ConcurrentHashMap.newKeySet()).addAll(types);
        resolved.remove(group);
    }

    void membersFrom(Function<String, Collection<Class<?>>> members) {
        this.members = members;
        resolved.clear();
    }

    boolean batchable(String group, Class<?> type) {
        return resolved.computeIfAbsent(group, this::resolve).contains(type);
    }

    private Set<Class<?>> resolve(String group) {
        Map<Class<?>, Set<Class<?>>> byProjection = declared.getOrDefault(group, Map.of());
        Set<Class<?>> batchable = new HashSet<>();
        byProjection.values().forEach(batchable::addAll);
        for (Class<?> member : members.apply(group)) {
            Set<Class<?>> own = byProjection.getOrDefault(member, Set.of());
            batchable.removeIf(type -> {
                boolean unsafe = !own.contains(type) && handles(member, type);
                if (unsafe) {
                    log.info("{}: {} is written at once, not at the end of its batch: {} handles it without queueing its writes",
                            group, type.getSimpleName(), member.getSimpleName());
                }
                return unsafe;
            });
        }
        return Set.copyOf(batchable);
    }

    /** Whether one of the projection's event handlers accepts this type (a handler taking the message itself accepts all). */
    static boolean handles(Class<?> projection, Class<?> type) {
        for (Class<?> c = projection; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.getParameterCount() > 0 && AnnotatedElementUtils.hasAnnotation(method, EventHandler.class)) {
                    Class<?> first = method.getParameterTypes()[0];
                    if (Message.class.isAssignableFrom(first) || first.isAssignableFrom(type)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
