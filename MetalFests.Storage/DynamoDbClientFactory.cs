using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace MetalFests.Storage;

public static class DynamoDbClientFactory
{
    public static IAmazonDynamoDB Create(StorageOptions options)
    {
        if (!options.IsLocal)
        {
            return new AmazonDynamoDBClient(new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region) });
        }

        var config = new AmazonDynamoDBConfig
        {
            ServiceURL = options.ServiceUrl,
            AuthenticationRegion = options.Region,
            // A local database that does not answer at once is down: fail fast so /health and 503s are prompt.
            Timeout = TimeSpan.FromSeconds(5),
            MaxErrorRetry = 1,
        };
        return new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), config);
    }
}
