namespace Reports.Analysis.Clustering;

/// <summary>
/// Agglomerative hierarchical clustering with average linkage (UPGMA) on Euclidean distances, returning the leaf order
/// of the dendrogram so that similar profiles sit side by side. Built with the nearest-neighbour-chain algorithm,
/// which finds the same merges as always joining the globally closest pair (average linkage is reducible) in O(n²)
/// time; the distances are a condensed triangle of n(n-1)/2 numbers, hence <see cref="MaxItems"/>.
/// </summary>
public static class HierarchicalClustering
{
    public const string MethodDescription = "average-linkage (UPGMA) hierarchical clustering of the features' mean-activation profiles over the categories, Euclidean distance, a missing category counted as 0";

    /// <summary>5,000 items keep the distance triangle at 100 MB.</summary>
    public const int MaxItems = 5_000;

    /// <summary>
    /// The dendrogram's leaves from left to right. At every merge the part holding the lower original index goes
    /// left, and ties in distance go to the lower index, so the order is the same on every run.
    /// </summary>
    public static int[] LeafOrder(IReadOnlyList<double[]> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var n = profiles.Count;
        if (n > MaxItems)
        {
            throw new ArgumentOutOfRangeException(nameof(profiles), n, $"At most {MaxItems} items can be clustered.");
        }

        if (n <= 2)
        {
            return [.. Enumerable.Range(0, n)];
        }

        var distances = new Triangle(n);
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < profiles[i].Length; k++)
                {
                    var d = profiles[i][k] - profiles[j][k];
                    sum += d * d;
                }

                distances[i, j] = Math.Sqrt(sum);
            }
        }

        // Slot i holds the cluster whose lowest leaf is i; node ids 0..n-1 are leaves, n.. are merges.
        var size = new int[n];
        Array.Fill(size, 1);
        var active = new bool[n];
        Array.Fill(active, true);
        var nodeOfSlot = Enumerable.Range(0, n).ToArray();
        var children = new (int Left, int Right)[n - 1];
        var chain = new Stack<int>();
        for (var merge = 0; merge < n - 1; merge++)
        {
            if (chain.Count == 0)
            {
                chain.Push(Array.IndexOf(active, true));
            }

            while (true)
            {
                var a = chain.Pop();
                var previous = chain.Count > 0 ? chain.Peek() : -1;
                var b = Nearest(a, previous, active, distances);
                if (b == previous)
                {
                    chain.Pop();
                    var (keep, drop) = a < b ? (a, b) : (b, a);
                    for (var k = 0; k < n; k++)
                    {
                        if (active[k] && k != keep && k != drop)
                        {
                            distances[keep, k] = ((distances[keep, k] * size[keep]) + (distances[drop, k] * size[drop])) / (size[keep] + size[drop]);
                        }
                    }

                    children[merge] = (nodeOfSlot[keep], nodeOfSlot[drop]);
                    nodeOfSlot[keep] = n + merge;
                    size[keep] += size[drop];
                    active[drop] = false;
                    break;
                }

                chain.Push(a);
                chain.Push(b);
            }
        }

        var order = new List<int>(n);
        var pending = new Stack<int>();
        pending.Push(nodeOfSlot[0]);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node < n)
            {
                order.Add(node);
                continue;
            }

            var (left, right) = children[node - n];
            pending.Push(right);
            pending.Push(left);
        }

        return [.. order];
    }

    /// <summary>The active slot closest to a; a tie goes to the chain's previous element (which the algorithm needs), then to the lower slot.</summary>
    private static int Nearest(int a, int previous, bool[] active, Triangle distances)
    {
        var best = previous;
        var bestDistance = previous >= 0 ? distances[a, previous] : double.PositiveInfinity;
        for (var k = 0; k < active.Length; k++)
        {
            if (active[k] && k != a && distances[a, k] < bestDistance)
            {
                best = k;
                bestDistance = distances[a, k];
            }
        }

        return best;
    }

    /// <summary>A symmetric matrix without its diagonal, stored as its upper triangle.</summary>
    private sealed class Triangle(int n)
    {
        private readonly double[] values = new double[(long)n * (n - 1) / 2];

        public double this[int i, int j]
        {
            get => values[Index(i, j)];
            set => values[Index(i, j)] = value;
        }

        private long Index(int i, int j)
        {
            if (i > j)
            {
                (i, j) = (j, i);
            }

            return ((long)i * n) - ((long)i * (i + 1) / 2) + (j - i - 1);
        }
    }
}
