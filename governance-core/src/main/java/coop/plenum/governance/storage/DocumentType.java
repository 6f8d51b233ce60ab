package coop.plenum.governance.storage;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;

/** A collection's documents in the read-model store, written as BSON ({@link BsonStoredValue}). */
final class DocumentType extends BasicDataType<Document> {

    private final BsonStoredValue stored = new BsonStoredValue();

    @Override
    public int getMemory(Document document) {
        return stored.estimatedMemory(document);
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        stored.writeDocument(buffer, document);
    }

    @Override
    public Document read(ByteBuffer buffer) {
        return stored.readDocument(buffer);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    @Override
    public int compare(Document a, Document b) {
        throw new UnsupportedOperationException("documents are values, never keys");
    }
}
