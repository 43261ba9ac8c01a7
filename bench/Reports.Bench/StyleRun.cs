namespace Reports.Bench;

/// <summary>
/// One writer style's part of a bench run: its data set, its contenders' results and the folder their outputs go to.
/// The first style runs every contender; the others run <see cref="Contenders.EveryStyle"/>.
/// </summary>
public sealed record StyleRun(Workload Workload, Contenders Contenders, string Workspace, IReadOnlyList<ContenderResult> Results)
{
    public static StyleRun Create(Workload workload, string workspace, bool everyContender)
    {
        Directory.CreateDirectory(workspace);
        var contenders = Contenders.For(workload, workspace);
        return new StyleRun(workload, contenders, workspace,
            (everyContender ? contenders.All : contenders.EveryStyle).Select(c => new ContenderResult(c, workload)).ToList());
    }

    public ContenderResult ResultOf(Contender contender) => Results.Single(r => r.Contender == contender);

    public ContenderResult Ours => ResultOf(Contenders.Ours);
}
