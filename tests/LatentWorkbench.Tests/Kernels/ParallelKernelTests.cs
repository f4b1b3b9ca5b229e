using System.Collections.Concurrent;
using LatentWorkbench.Kernels;

namespace LatentWorkbench.Tests.Kernels;

public class ParallelKernelTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(7, 1)]
    [InlineData(1000, 10)]
    [InlineData(1001, 1)]
    public void ForRanges_Covers_Every_Item_Exactly_Once_With_Contiguous_Ranges(int count, int minItems)
    {
        var hits = new int[count];
        var ranges = new ConcurrentBag<(int Start, int End)>();
        ParallelKernel.ForRanges(count, minItems, (start, end) =>
        {
            ranges.Add((start, end));
            for (int i = start; i < end; i++)
            {
                Interlocked.Increment(ref hits[i]);
            }
        });

        Assert.All(hits, h => Assert.Equal(1, h));
        int next = 0;
        foreach (var (start, end) in ranges.OrderBy(r => r.Start))
        {
            Assert.Equal(next, start);
            Assert.True(end > start, $"empty range [{start}, {end})");
            next = end;
        }

        Assert.Equal(count, next);
    }

    [Fact]
    public void RangeCount_Respects_Work_Size_And_Thread_Budget()
    {
        int saved = ParallelKernel.MaxDegreeOfParallelism;
        try
        {
            ParallelKernel.MaxDegreeOfParallelism = 3;
            Assert.Equal(3, ParallelKernel.RangeCount(1_000, 10));
            Assert.Equal(1, ParallelKernel.RangeCount(15, 10));
            Assert.Equal(2, ParallelKernel.RangeCount(20, 10));
            Assert.Equal(0, ParallelKernel.RangeCount(0, 10));
            ParallelKernel.MaxDegreeOfParallelism = 1;
            Assert.Equal(1, ParallelKernel.RangeCount(1_000, 1));
        }
        finally
        {
            ParallelKernel.MaxDegreeOfParallelism = saved;
        }
    }

    [Fact]
    public void MaxDegreeOfParallelism_Rejects_Less_Than_One()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ParallelKernel.MaxDegreeOfParallelism = 0);
        Assert.Equal(nameof(ParallelKernel.MaxDegreeOfParallelism), error.ParamName);
    }

    [Fact]
    public void ForFixedRanges_Partial_Sums_Do_Not_Depend_On_The_Thread_Budget()
    {
        // A float reduction whose result depends on where the ranges start: identical only if the ranges are fixed.
        var random = new Random(4);
        float[] values = Enumerable.Range(0, 10_007).Select(_ => random.NextSingle() * 1000f).ToArray();
        float Reduce()
        {
            var partials = new float[13];
            ParallelKernel.ForFixedRanges(values.Length, partials.Length, (range, start, end) =>
            {
                float sum = 0f;
                for (int i = start; i < end; i++)
                {
                    sum += values[i];
                }

                partials[range] = sum;
            });
            float total = 0f;
            foreach (float partial in partials)
            {
                total += partial;
            }

            return total;
        }

        int saved = ParallelKernel.MaxDegreeOfParallelism;
        try
        {
            ParallelKernel.MaxDegreeOfParallelism = 1;
            float serial = Reduce();
            foreach (int threads in new[] { 2, 3, 8 })
            {
                ParallelKernel.MaxDegreeOfParallelism = threads;
                Assert.Equal(BitConverter.SingleToInt32Bits(serial), BitConverter.SingleToInt32Bits(Reduce()));
            }
        }
        finally
        {
            ParallelKernel.MaxDegreeOfParallelism = saved;
        }
    }

    [Fact]
    public void Range_Splits_Into_Near_Equal_Contiguous_Parts()
    {
        var parts = Enumerable.Range(0, 4).Select(i => ParallelKernel.Range(i, 4, 10)).ToArray();
        Assert.Equal([(0, 2), (2, 5), (5, 7), (7, 10)], parts);
    }
}
