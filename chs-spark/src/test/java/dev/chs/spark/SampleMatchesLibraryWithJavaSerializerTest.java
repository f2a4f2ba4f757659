package dev.chs.spark;

/** The sample portfolio through Spark's Java serializer. */
class SampleMatchesLibraryWithJavaSerializerTest extends SampleMatchesLibraryContract {
  @Override
  boolean kryo() {
    return false;
  }
}
