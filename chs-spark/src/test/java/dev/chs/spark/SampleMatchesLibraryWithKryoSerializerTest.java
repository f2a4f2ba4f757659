package dev.chs.spark;

/** The sample portfolio through Spark's Kryo serializer. */
class SampleMatchesLibraryWithKryoSerializerTest extends SampleMatchesLibraryContract {
  @Override
  boolean kryo() {
    return true;
  }
}
