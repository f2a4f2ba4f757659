package dev.chs.cli.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Decodes UTF-8 and fails on a malformed byte sequence, but only after handing out every character
 * decoded before it. A parser that counts lines can then say on which line the bad bytes are,
 * which {@link java.io.InputStreamReader} does not allow: it may fail a whole chunk early.
 */
final class StrictUtf8Reader extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
  private boolean endOfBytes;
  private boolean flushed;
  private @Nullable CoderResult pendingError;

  StrictUtf8Reader(InputStream in) {
    this.in = in;
  }

  @Override
  public int read(char[] target, int offset, int length) throws IOException {
    if (pendingError != null) {
      throw codingException(pendingError);
    }
    if (flushed) {
      return -1;
    }
    if (length == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(target, offset, length);
    while (true) {
      CoderResult result = decoder.decode(bytes, out, endOfBytes);
      int produced = out.position() - offset;
      if (result.isError()) {
        if (produced > 0) {
          pendingError = result;
          return produced;
        }
        throw codingException(result);
      }
      if (produced > 0 || result.isOverflow()) {
        return produced;
      }
      if (endOfBytes) {
        return finish(out, offset);
      }
      refill();
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private int finish(CharBuffer out, int offset) {
    if (!flushed) {
      decoder.flush(out);
      flushed = true;
    }
    int produced = out.position() - offset;
    return produced > 0 ? produced : -1;
  }

  private void refill() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      endOfBytes = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  private static CharacterCodingException codingException(CoderResult result) {
    try {
      result.throwException();
    } catch (CharacterCodingException e) {
      return e;
    }
    return new CharacterCodingException();
  }
}
