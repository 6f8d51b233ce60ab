package coop.plenum.governance.storage;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.SimpleReactiveMongoDatabaseFactory;

import javax.sql.DataSource;

/**
 * Where the event log and the read models live. With zero configuration both servers run embedded under
 * {@code plenum.data-dir}; {@code PLENUM_POSTGRES_URL} and {@code MONGODB_URI} switch each to an external server
 * and then nothing embedded is started.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlenumProperties.class)
public class StorageConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedServers embeddedServers(PlenumProperties properties) {
        return EmbeddedServers.startAsNeeded(properties);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(PlenumProperties properties, EmbeddedServers embedded) {
        HikariConfig config = new HikariConfig();
        if (properties.postgres().external()) {
            config.setJdbcUrl(properties.postgres().url());
            config.setUsername(properties.postgres().username());
            config.setPassword(properties.postgres().password());
        } else {
            config.setJdbcUrl(embedded.postgres().jdbcUrl());
            config.setUsername(embedded.postgres().username());
        }
        config.setPoolName("plenum-event-log");
        config.setMaximumPoolSize(20);
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    @Bean
    MongoClientSettings plenumMongoClientSettings(PlenumProperties properties, EmbeddedServers embedded) {
        String uri = properties.mongodb().external() ? properties.mongodb().uri() : embedded.mongo().connectionString();
        return MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                // a read model acknowledged by a majority survives a primary fail-over on a real replica set
                .writeConcern(properties.mongodb().external() ? WriteConcern.MAJORITY : WriteConcern.ACKNOWLEDGED)
                .readConcern(properties.mongodb().external() ? ReadConcern.MAJORITY : ReadConcern.DEFAULT)
                .build();
    }

    @Bean(destroyMethod = "close")
    com.mongodb.reactivestreams.client.MongoClient reactiveMongoClient(MongoClientSettings settings) {
        return com.mongodb.reactivestreams.client.MongoClients.create(settings);
    }

    /** Axon's Mongo token store speaks the synchronous driver; it shares the database with the read models. */
    @Bean(destroyMethod = "close")
    com.mongodb.client.MongoClient mongoClient(MongoClientSettings settings) {
        return com.mongodb.client.MongoClients.create(settings);
    }

    @Bean
    ReactiveMongoDatabaseFactory reactiveMongoDatabaseFactory(com.mongodb.reactivestreams.client.MongoClient client,
                                                              PlenumProperties properties) {
        return new SimpleReactiveMongoDatabaseFactory(client, readModelDatabase(properties));
    }

    static String readModelDatabase(PlenumProperties properties) {
        if (properties.mongodb().external()) {
            String fromUri = new ConnectionString(properties.mongodb().uri()).getDatabase();
            if (fromUri != null && !fromUri.isBlank()) {
                return fromUri;
            }
        }
        return properties.mongodb().database();
    }

    @Bean
    ReadModelDatabase readModelDatabaseName(PlenumProperties properties) {
        return new ReadModelDatabase(readModelDatabase(properties));
    }

    /** The name of the MongoDB database that holds read models and their processors' tokens. */
    public record ReadModelDatabase(String name) {
    }

}
