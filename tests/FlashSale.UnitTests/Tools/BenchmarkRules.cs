namespace FlashSale.UnitTests.Tools;

/// <summary>The rule files the benchmark scripts put in force (tests/benchmark/rules), found from the test's build output.</summary>
public static class BenchmarkRules
{
    public static string Path(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var rules = System.IO.Path.Combine(dir.FullName, "tests", "benchmark", "rules", file);
            if (File.Exists(rules))
            {
                return rules;
            }
        }

        throw new FileNotFoundException($"tests/benchmark/rules/{file} not found above {AppContext.BaseDirectory}");
    }
}
