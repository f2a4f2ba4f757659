package dev.chs.cli.generate;

/**
 * The generator's source of randomness: a 64-bit counter stepped by an odd constant and scrambled
 * by xor-shifts and multiplications. It is written here, and uses only {@link StrictMath}, so that
 * the same seed gives the same numbers, and the same files, on every JVM.
 *
 * <p>Each account gets its own stream, derived from the seed and the account's number, so an
 * account's history does not depend on how many accounts come before it.
 */
final class Prng {
  private static final long STEP = 0x9E3779B97F4A7C15L;
  private static final long SCRAMBLE = 0xD6E8FEB86659FD93L;

  private long counter;

  Prng(long seed, long stream) {
    this.counter = scramble(seed ^ scramble(stream * STEP + 1));
  }

  long nextLong() {
    counter += STEP;
    return scramble(counter);
  }

  /** Returns a double in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Returns an int in [0, bound); {@code bound} is at least 1. */
  int nextInt(int bound) {
    return (int) (((nextLong() >>> 33) * bound) >>> 31);
  }

  /** Returns true with probability {@code p}. */
  boolean chance(double p) {
    return nextDouble() < p;
  }

  /** Returns a standard normal deviate, by the Box-Muller transform. */
  double gaussian() {
    double u = 1.0 - nextDouble();
    double v = nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
  }

  /** Returns a log-normal deviate with the given median and log-scale spread. */
  double logNormal(double median, double sigma) {
    return median * StrictMath.exp(sigma * gaussian());
  }

  /** Returns an exponential deviate with the given mean. */
  double exponential(double mean) {
    return -mean * StrictMath.log(1.0 - nextDouble());
  }

  /** Returns a Poisson deviate with a small mean (below about 30), by counting uniform products. */
  int poisson(double mean) {
    double limit = StrictMath.exp(-mean);
    int k = 0;
    double product = nextDouble();
    while (product > limit) {
      k++;
      product *= nextDouble();
    }
    return k;
  }

  private static long scramble(long x) {
    x = (x ^ (x >>> 32)) * SCRAMBLE;
    x = (x ^ (x >>> 29)) * SCRAMBLE;
    return x ^ (x >>> 32);
  }
}
