using Amazon.CDK;
using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;
using MetalFests.Deploy.Functions;

namespace MetalFests.Deploy.Monitoring;

/// <summary>
/// The seed's observability: alarms on the API's 5xx rate and p99 latency, each function's errors and
/// throttles, and the table's throttled requests; a dashboard with latency p50/p90/p99 and error rate.
/// </summary>
public sealed class Monitoring : Construct
{
    private static readonly Duration Period = Duration.Minutes(5);

    public Monitoring(Construct scope, string id, DeploymentProps props, RestApi api, IReadOnlyList<ServiceFunction> functions, ITable table) : base(scope, id)
    {
        var topic = new Topic(this, "Alarms", new TopicProps { DisplayName = $"{props.StackPrefix} alarms" });
        if (props.AlarmEmail is { } email)
        {
            topic.AddSubscription(new EmailSubscription(email));
        }
        var action = new SnsAction(topic);

        // 5XXError is 0 or 1 per request: its average is the share of requests that failed.
        var errorRate = api.MetricServerError(new MetricOptions { Statistic = Stats.AVERAGE, Period = Period, Label = "5xx rate" });
        var clientErrorRate = api.MetricClientError(new MetricOptions { Statistic = Stats.AVERAGE, Period = Period, Label = "4xx rate" });
        Metric Latency(string statistic) => api.MetricLatency(new MetricOptions { Statistic = statistic, Period = Period, Label = $"latency {statistic}" });

        Alarm(action, "ApiErrorRate", errorRate, props.ErrorRateThreshold, "API 5xx rate above threshold");
        Alarm(action, "ApiLatencyP99", Latency(Stats.Percentile(99)), props.LatencyP99ThresholdMs, "API p99 latency (ms) above threshold");
        foreach (var function in functions)
        {
            Alarm(action, $"{function.Service.Name}Errors", function.Function.MetricErrors(new MetricOptions { Period = Period }), 1, $"{function.Service.Name} function errors");
            Alarm(action, $"{function.Service.Name}Throttles", function.Function.MetricThrottles(new MetricOptions { Period = Period }), 1, $"{function.Service.Name} function throttled");
        }
        var tableThrottles = new MathExpression(new MathExpressionProps
        {
            Expression = "reads + writes",
            UsingMetrics = new Dictionary<string, IMetric>
            {
                ["reads"] = table.Metric("ReadThrottleEvents", new MetricOptions { Statistic = Stats.SUM, Period = Period }),
                ["writes"] = table.Metric("WriteThrottleEvents", new MetricOptions { Statistic = Stats.SUM, Period = Period }),
            },
            Label = "DynamoDB throttle events",
            Period = Period,
        });
        Alarm(action, "TableThrottles", tableThrottles, 1, "DynamoDB requests throttled");

        _ = new Dashboard(this, "Dashboard", new DashboardProps
        {
            DashboardName = $"{props.StackPrefix}-api",
            Widgets = new[]
            {
                new IWidget[]
                {
                    new GraphWidget(new GraphWidgetProps { Title = "Request latency (ms)", Left = [Latency(Stats.Percentile(50)), Latency(Stats.Percentile(90)), Latency(Stats.Percentile(99))], Width = 12 }),
                    new GraphWidget(new GraphWidgetProps { Title = "Error rate", Left = [errorRate, clientErrorRate], Width = 12 }),
                },
                new IWidget[]
                {
                    new GraphWidget(new GraphWidgetProps
                    {
                        Title = "Functions: errors and throttles",
                        Left = [.. functions.SelectMany(f => new IMetric[] { f.Function.MetricErrors(), f.Function.MetricThrottles() })],
                        Width = 12,
                    }),
                    new GraphWidget(new GraphWidgetProps { Title = "DynamoDB throttles", Left = [tableThrottles], Width = 12 }),
                },
            },
        });
    }

    private void Alarm(SnsAction action, string id, IMetric metric, double threshold, string description)
    {
        var alarm = new Alarm(this, id, new AlarmProps
        {
            Metric = metric,
            Threshold = threshold,
            EvaluationPeriods = 1,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
            AlarmDescription = description,
        });
        alarm.AddAlarmAction(action);
    }
}
