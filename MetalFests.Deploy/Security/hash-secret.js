// Custom resource (CDK Provider framework): the SHA-256 (hex) of a Secrets Manager secret's string,
// the hash ApiKeyAuthenticator compares. The secret itself never leaves this function.
const { SecretsManagerClient, GetSecretValueCommand } = require('@aws-sdk/client-secrets-manager');
const { createHash } = require('crypto');

exports.handler = async (event) => {
  const secretId = event.ResourceProperties.SecretId;
  if (event.RequestType === 'Delete') {
    return { PhysicalResourceId: event.PhysicalResourceId };
  }
  const secret = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: secretId }));
  const hash = createHash('sha256').update(secret.SecretString, 'utf8').digest('hex');
  return { PhysicalResourceId: secretId, Data: { Hash: hash } };
};
