package coop.plenum.support;

/** The settings {@code plenum stores} prints (environment variables) as the command-line arguments of a node. */
public final class SharedStoreArguments {

    private SharedStoreArguments() {
    }

    public static String of(String setting) {
        String[] pair = setting.split("=", 2);
        return switch (pair[0]) {
            case "PLENUM_POSTGRES_URL" -> "--plenum.postgres.url=" + pair[1];
            case "PLENUM_POSTGRES_USER" -> "--plenum.postgres.username=" + pair[1];
            case "MONGODB_URI" -> "--plenum.mongodb.uri=" + pair[1];
            default -> throw new AssertionError(setting);
        };
    }
}
