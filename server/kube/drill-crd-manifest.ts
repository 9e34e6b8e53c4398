// The FailoverDrill CustomResourceDefinition, as deploy/crds/failoverdrills.eastwest.dev.yaml says it (checked equal
// by drill-crd-manifest.test.ts): bundled as a module so the standalone production build, which ships no deploy/
// folder, can install it where it is missing. Edit the YAML, then regenerate this: npx tsx scripts/drill-crd-module.ts
export const DRILL_CRD_MANIFEST = {
  "apiVersion": "apiextensions.k8s.io/v1",
  "kind": "CustomResourceDefinition",
  "metadata": {
    "name": "failoverdrills.eastwest.dev",
    "labels": {
      "app.kubernetes.io/name": "eastwest-console"
    }
  },
  "spec": {
    "group": "eastwest.dev",
    "scope": "Namespaced",
    "names": {
      "kind": "FailoverDrill",
      "listKind": "FailoverDrillList",
      "plural": "failoverdrills",
      "singular": "failoverdrill",
      "shortNames": [
        "fd"
      ],
      "categories": [
        "eastwest"
      ]
    },
    "versions": [
      {
        "name": "v1alpha1",
        "served": true,
        "storage": true,
        "subresources": {
          "status": {}
        },
        "additionalPrinterColumns": [
          {
            "name": "Service",
            "type": "string",
            "jsonPath": ".spec.service"
          },
          {
            "name": "Phase",
            "type": "string",
            "jsonPath": ".status.phase"
          },
          {
            "name": "Shift",
            "type": "number",
            "description": "Seconds from the fault to the first request served by another cluster",
            "jsonPath": ".status.timeToShiftSeconds"
          },
          {
            "name": "Verdict",
            "type": "string",
            "jsonPath": ".status.verdict"
          },
          {
            "name": "Age",
            "type": "date",
            "jsonPath": ".metadata.creationTimestamp"
          }
        ],
        "schema": {
          "openAPIV3Schema": {
            "type": "object",
            "required": [
              "spec"
            ],
            "properties": {
              "apiVersion": {
                "type": "string"
              },
              "kind": {
                "type": "string"
              },
              "metadata": {
                "type": "object"
              },
              "spec": {
                "type": "object",
                "required": [
                  "service"
                ],
                "properties": {
                  "service": {
                    "description": "The drilled Service's name, in the drill's namespace.",
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 63,
                    "pattern": "^[a-z]([-a-z0-9]*[a-z0-9])?$"
                  },
                  "fault": {
                    "description": "ScaleToZero scales every local workload behind the Service to 0; FailRequests makes the local instances answer 503 where the cluster can inject it.",
                    "type": "string",
                    "enum": [
                      "ScaleToZero",
                      "FailRequests"
                    ],
                    "default": "ScaleToZero"
                  },
                  "maxDuration": {
                    "description": "After this long the fault is undone, whatever else happens (Go duration, e.g. 90s, 2m).",
                    "type": "string",
                    "pattern": "^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$",
                    "default": "2m"
                  },
                  "stopCondition": {
                    "description": "The drill is aborted and restored when the probe's error rate stays above the threshold for longer than forSeconds.",
                    "type": "object",
                    "properties": {
                      "errorRateAbove": {
                        "type": "number",
                        "minimum": 0,
                        "maximum": 1,
                        "default": 0.5
                      },
                      "forSeconds": {
                        "type": "integer",
                        "minimum": 1,
                        "maximum": 600,
                        "default": 10
                      }
                    }
                  },
                  "abort": {
                    "description": "Set to true to abort the drill; the fault is undone at once.",
                    "type": "boolean",
                    "default": false
                  }
                }
              },
              "status": {
                "type": "object",
                "properties": {
                  "phase": {
                    "type": "string",
                    "enum": [
                      "Pending",
                      "Prechecking",
                      "Baseline",
                      "Injecting",
                      "Observing",
                      "Restoring",
                      "Succeeded",
                      "Failed",
                      "Aborted"
                    ]
                  },
                  "observedGeneration": {
                    "type": "integer"
                  },
                  "startedAt": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "finishedAt": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "deadline": {
                    "description": "startedAt + maxDuration; past it the fault is undone.",
                    "type": "string",
                    "format": "date-time"
                  },
                  "conditions": {
                    "type": "array",
                    "x-kubernetes-list-type": "map",
                    "x-kubernetes-list-map-keys": [
                      "type"
                    ],
                    "items": {
                      "type": "object",
                      "required": [
                        "type",
                        "status"
                      ],
                      "properties": {
                        "type": {
                          "type": "string"
                        },
                        "status": {
                          "type": "string",
                          "enum": [
                            "True",
                            "False",
                            "Unknown"
                          ]
                        },
                        "reason": {
                          "type": "string"
                        },
                        "message": {
                          "type": "string"
                        },
                        "lastTransitionTime": {
                          "type": "string",
                          "format": "date-time"
                        }
                      }
                    }
                  },
                  "timeline": {
                    "description": "Each phase entered, in order.",
                    "type": "array",
                    "x-kubernetes-list-type": "atomic",
                    "items": {
                      "type": "object",
                      "required": [
                        "phase",
                        "at"
                      ],
                      "properties": {
                        "phase": {
                          "type": "string"
                        },
                        "at": {
                          "type": "string",
                          "format": "date-time"
                        },
                        "message": {
                          "type": "string"
                        }
                      }
                    }
                  },
                  "undo": {
                    "description": "Written before the fault is injected; everything needed to undo it.",
                    "type": "object",
                    "properties": {
                      "recordedAt": {
                        "type": "string",
                        "format": "date-time"
                      },
                      "deployments": {
                        "type": "array",
                        "x-kubernetes-list-type": "atomic",
                        "items": {
                          "type": "object",
                          "required": [
                            "name",
                            "replicas"
                          ],
                          "properties": {
                            "name": {
                              "type": "string"
                            },
                            "replicas": {
                              "type": "integer",
                              "minimum": 0
                            },
                            "uid": {
                              "type": "string"
                            }
                          }
                        }
                      },
                      "pods": {
                        "description": "Pods given the FailRequests fault annotation.",
                        "type": "array",
                        "x-kubernetes-list-type": "atomic",
                        "items": {
                          "type": "object",
                          "required": [
                            "name"
                          ],
                          "properties": {
                            "name": {
                              "type": "string"
                            },
                            "uid": {
                              "type": "string"
                            }
                          }
                        }
                      },
                      "probePod": {
                        "type": "string"
                      },
                      "restored": {
                        "type": "boolean"
                      }
                    }
                  },
                  "baseline": {
                    "type": "object",
                    "properties": {
                      "requests": {
                        "type": "integer"
                      },
                      "successRate": {
                        "type": "number"
                      },
                      "p50LatencyMs": {
                        "type": "number"
                      },
                      "p95LatencyMs": {
                        "type": "number"
                      }
                    }
                  },
                  "servedBy": {
                    "description": "Requests per serving cluster seen by the probe, before, during and after the fault.",
                    "type": "object",
                    "properties": {
                      "before": {
                        "type": "object",
                        "additionalProperties": {
                          "type": "integer"
                        }
                      },
                      "during": {
                        "type": "object",
                        "additionalProperties": {
                          "type": "integer"
                        }
                      },
                      "after": {
                        "type": "object",
                        "additionalProperties": {
                          "type": "integer"
                        }
                      }
                    }
                  },
                  "prometheusServedBy": {
                    "description": "requests/s by destination_cluster from Prometheus, when configured.",
                    "type": "object",
                    "properties": {
                      "before": {
                        "type": "object",
                        "additionalProperties": {
                          "type": "number"
                        }
                      },
                      "during": {
                        "type": "object",
                        "additionalProperties": {
                          "type": "number"
                        }
                      },
                      "after": {
                        "type": "object",
                        "additionalProperties": {
                          "type": "number"
                        }
                      }
                    }
                  },
                  "timeToShiftSeconds": {
                    "type": "number"
                  },
                  "failedRequests": {
                    "type": "integer"
                  },
                  "timeToRestoreSeconds": {
                    "type": "number"
                  },
                  "verdict": {
                    "type": "string",
                    "enum": [
                      "Passed",
                      "Failed",
                      "Aborted"
                    ]
                  },
                  "reason": {
                    "type": "string"
                  }
                }
              }
            }
          }
        }
      }
    ]
  }
} as const;
