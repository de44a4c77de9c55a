// The one-shot migrator as an Azure Container Apps job (written by hand: Aspire's Azure hosting packages, which
// generate this from PublishAsAzureContainerAppJob, are not served by the package registry this project uses).
// A job runs only when started (scripts/deploy.sh starts it once per deploy, before api and ai-agent) and is never
// restarted after it exits 0; a container app would be restarted in a loop. azd fills the parameters from the
// manifest's "params" (the AppHost writes both; ManifestTests checks they agree).
@description('The location for the resource(s) to be deployed.')
param location string = resourceGroup().location

param outputs_azure_container_apps_environment_id string

param outputs_azure_container_registry_endpoint string

param outputs_azure_container_registry_managed_identity_id string

param outputs_managed_identity_client_id string

param migrations_containerimage string

@secure()
param aisalesdb_connectionstring string

@secure()
param sentry_dsn_value string

resource migrations 'Microsoft.App/jobs@2025-01-01' = {
  name: 'migrations'
  location: location
  properties: {
    environmentId: outputs_azure_container_apps_environment_id
    configuration: {
      triggerType: 'Manual'
      manualTriggerConfig: {
        parallelism: 1
        replicaCompletionCount: 1
      }
      // One retry for a transient failure (the migrator takes an advisory lock and skips applied migrations, so a
      // retry is safe); a failing migration exits non-zero and the execution is marked failed, never looped.
      replicaRetryLimit: 1
      replicaTimeout: 1800
      registries: [
        {
          server: outputs_azure_container_registry_endpoint
          identity: outputs_azure_container_registry_managed_identity_id
        }
      ]
      secrets: [
        {
          name: 'connectionstrings--aisalesdb'
          value: aisalesdb_connectionstring
        }
        {
          name: 'sentry--dsn'
          value: sentry_dsn_value
        }
      ]
    }
    template: {
      containers: [
        {
          image: migrations_containerimage
          name: 'migrations'
          env: [
            {
              name: 'OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY'
              value: 'in_memory'
            }
            {
              name: 'ConnectionStrings__aisalesdb'
              secretRef: 'connectionstrings--aisalesdb'
            }
            {
              name: 'Sentry__Dsn'
              secretRef: 'sentry--dsn'
            }
            {
              name: 'AZURE_CLIENT_ID'
              value: outputs_managed_identity_client_id
            }
          ]
        }
      ]
    }
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${outputs_azure_container_registry_managed_identity_id}': { }
    }
  }
}
