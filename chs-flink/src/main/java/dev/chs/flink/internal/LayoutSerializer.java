package dev.chs.flink.internal;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.jspecify.annotations.Nullable;

/**
 * A Flink serializer for one of the forms of {@link StateLayout}. It has no configuration, so
 * its snapshot holds only the layout version, and two serializers of one form are equal.
 *
 * @param <T> the type in state
 */
abstract class LayoutSerializer<T> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  abstract void write(T value, DataOutputView out) throws IOException;

  abstract T read(DataInputView in) throws IOException;

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<T> duplicate() {
    return this; // stateless
  }

  @Override
  public T copy(T from, T reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(T value, DataOutputView out) throws IOException {
    write(value, out);
  }

  @Override
  public T deserialize(DataInputView in) throws IOException {
    return read(in);
  }

  @Override
  public T deserialize(T reuse, DataInputView in) throws IOException {
    return read(in);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    write(read(in), out);
  }

  // Equal only to a serializer of the same class: a subclass is another layout, and reading with
  // it would misread the bytes, which is what instanceof, as the check advises, would allow.
  @SuppressWarnings("EqualsGetClass")
  @Override
  public boolean equals(@Nullable Object o) {
    return o != null && o.getClass() == getClass();
  }

  @Override
  public int hashCode() {
    return getClass().hashCode();
  }

  /**
   * The snapshot of a layout serializer: the layout version it wrote. A savepoint written with
   * the same version is read as it is; any other version is incompatible, since this release has
   * no reader for it.
   *
   * @param <T> the type in state
   */
  abstract static class LayoutSnapshot<T> implements TypeSerializerSnapshot<T> {
    private int layoutVersion = StateLayout.VERSION;

    /** Returns the layout version this snapshot describes. */
    int layoutVersion() {
      return layoutVersion;
    }

    @Override
    public int getCurrentVersion() {
      return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      out.writeInt(layoutVersion);
    }

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader loader)
        throws IOException {
      if (readVersion != 1) {
        throw new IOException(
            getClass().getName() + ": reads snapshot version 1, found " + readVersion);
      }
      layoutVersion = in.readInt();
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
        TypeSerializerSnapshot<T> old) {
      if (old.getClass() == getClass()
          && ((LayoutSnapshot<T>) old).layoutVersion == layoutVersion) {
        return TypeSerializerSchemaCompatibility.compatibleAsIs();
      }
      return TypeSerializerSchemaCompatibility.incompatible();
    }
  }
}
