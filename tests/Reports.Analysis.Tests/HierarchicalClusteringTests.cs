using Reports.Analysis.Clustering;

namespace Reports.Analysis.Tests;

public sealed class HierarchicalClusteringTests
{
    [Fact]
    public void Close_profiles_end_up_side_by_side()
    {
        // Two groups on a line: {0, 0.5, 1.2} and {10, 11}. UPGMA joins 0 and 0.5 (0.5), then 1.2 (mean distance
        // 0.95, below the 1.0 between 10 and 11), then 10 with 11, then the two groups.
        double[][] profiles = [[0], [10], [1.2], [11], [0.5]];

        Assert.Equal([0, 4, 2, 1, 3], HierarchicalClustering.LeafOrder(profiles));
    }

    [Fact]
    public void Leaf_order_equals_the_textbook_greedy_average_linkage()
    {
        var random = new Random(3);
        var profiles = Enumerable.Range(0, 90).Select(_ => Enumerable.Range(0, 7).Select(_ => random.NextDouble() * 10).ToArray()).ToArray();

        Assert.Equal(GreedyAverageLinkage(profiles), HierarchicalClustering.LeafOrder(profiles));
    }

    [Fact]
    public void More_profiles_than_the_limit_are_refused_before_any_work()
    {
        var profiles = Enumerable.Range(0, HierarchicalClustering.MaxItems + 1).Select(i => new double[] { i }).ToArray();

        Assert.Throws<ArgumentOutOfRangeException>(() => HierarchicalClustering.LeafOrder(profiles));
    }

    /// <summary>
    /// The definition, O(n³): repeatedly join the closest pair of clusters, the distance between clusters being the
    /// mean of all distances between their members; the cluster holding the lower index goes left.
    /// </summary>
    private static int[] GreedyAverageLinkage(double[][] profiles)
    {
        var clusters = Enumerable.Range(0, profiles.Length).Select(i => new List<int> { i }).ToList();
        while (clusters.Count > 1)
        {
            var (a, b, best) = (0, 1, double.PositiveInfinity);
            for (var i = 0; i < clusters.Count; i++)
            {
                for (var j = i + 1; j < clusters.Count; j++)
                {
                    var mean = clusters[i].SelectMany(x => clusters[j].Select(y => Distance(profiles[x], profiles[y]))).Average();
                    if (mean < best)
                    {
                        (a, b, best) = (i, j, mean);
                    }
                }
            }

            var (left, right) = clusters[a].Min() < clusters[b].Min() ? (clusters[a], clusters[b]) : (clusters[b], clusters[a]);
            clusters[a] = [.. left, .. right];
            clusters.RemoveAt(b);
        }

        return [.. clusters[0]];
    }

    private static double Distance(double[] x, double[] y) => Math.Sqrt(x.Zip(y, (p, q) => (p - q) * (p - q)).Sum());
}
