package dev.budget4j.kernel;

import java.util.SplittableRandom;

/** Test vectors from the distributions the equivalence tests cover. */
enum Inputs {
    /** U[-1, 1). */
    UNIFORM {
        @Override
        float next(SplittableRandom r) {
            return (float) (r.nextDouble() * 2 - 1);
        }
    },
    /** N(0, 1). */
    GAUSSIAN {
        @Override
        float next(SplittableRandom r) {
            // Box-Muller; one value per call is enough here.
            double u = 1 - r.nextDouble();
            return (float) (Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble()));
        }
    },
    /**
     * Random sign times 2^e with e uniform in [-50, 50]: magnitudes spread over 30 decades, so
     * sums cancel and small terms are swamped; products stay far from float overflow.
     */
    EXTREME {
        @Override
        float next(SplittableRandom r) {
            float m = (float) Math.scalb(1 + r.nextDouble(), r.nextInt(-50, 51));
            return r.nextBoolean() ? m : -m;
        }
    },
    /** Half subnormal values, half tiny normal ones (below 2^-100): products underflow. */
    SUBNORMAL {
        @Override
        float next(SplittableRandom r) {
            float m = r.nextBoolean()
                    ? (float) (r.nextDouble() * Float.MIN_NORMAL)
                    : (float) Math.scalb(1 + r.nextDouble(), r.nextInt(-126, -100));
            return r.nextBoolean() ? m : -m;
        }
    };

    abstract float next(SplittableRandom r);

    float[] vector(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed * 31 + ordinal());
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = next(r);
        }
        return v;
    }
}
