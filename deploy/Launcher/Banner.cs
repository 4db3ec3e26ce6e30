namespace FlashSale.Launcher;

/// <summary>What run.sh says once every node is ready: where everything is.</summary>
internal static class Banner
{
    public static string Text(IReadOnlyList<Node> nodes, string connectionString, ClusterLayout layout)
    {
        var apis = nodes.Where(node => node.Kind == NodeKind.Api).Select(node => node.ProbeBase).ToList();
        var silos = nodes.Where(node => node.Kind == NodeKind.Silo).Select(node => node.ProbeBase).ToList();
        var first = apis[0];
        var sandbox = nodes.Single(node => node.Kind == NodeKind.PaymentSandbox).ProbeBase;
        return $"""

            FlashSale is running: {silos.Count} silo(s), {apis.Count} API node(s).
              API              {string.Join(' ', apis)}
              Web pages        {first}/
              OpenAPI document {first}/openapi/v1.json
              API reference    {first}/scalar
              Health, metrics  /health/live, /health/ready and /metrics on every API node and silo ({string.Join(' ', silos)})
              Orleans dashboard {first}/dashboard/ (admin; or the board page's button)
              Payment sandbox  {sandbox}/ (the gateway paid sales pay through; test controls under /sandbox/)
              PostgreSQL       {connectionString}
              Logs, pids       {layout.Logs}/, {layout.Run}/
            A node that exits is restarted. Press Ctrl-C to stop (API nodes, then silos, then the sandbox, then PostgreSQL).


            """;
    }
}
