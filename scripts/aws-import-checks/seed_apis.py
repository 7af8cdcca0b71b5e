"""API Gateway of a seeded account (see seed_account.py): HTTP APIs with VPC links, Lambda
and Cloud Map integrations and JWT or Lambda authorizers; REST APIs with resources, methods,
integrations, authorizers, VPC links to NLBs, and a deployed stage."""


def invoke_uri(s, function_arn):
    return f"arn:aws:apigateway:{s.region}:lambda:path/2015-03-31/functions/{function_arn}/invocations"


def targets(s, rid, *kinds):
    return [e for e in s.conns if e["from"] == rid and e["to"] in s.res and s.res[e["to"]]["kind"] in kinds]


def apis(s):
    s.stage_arn = {}
    v2, v1 = s.c("apigatewayv2"), s.c("apigateway")
    link_ids = {}
    for rid, r in s.of("vpc-link"):
        if r.get("api", "http") == "http":
            link_ids[rid] = v2.create_vpc_link(Name=r.get("name", rid), SubnetIds=s.subnets(rid), SecurityGroupIds=[s.sg[rid]])["VpcLinkId"]
        else:
            arns = [s.ids[t] for t in r.get("targets") or [] if t in s.ids]
            link_ids[rid] = v1.create_vpc_link(name=r.get("name", rid), targetArns=arns)["id"]
        s.ids[rid] = link_ids[rid]
    for rid, r in s.of("api-gateway-http"):
        api = v2.create_api(Name=r.get("name", rid), ProtocolType="HTTP")["ApiId"]
        s.ids[rid] = api
        authorizer, kind = None, None
        source = s.res.get(r.get("authorizer"), {})
        if source.get("kind") == "cognito":
            authorizer = v2.create_authorizer(ApiId=api, Name="jwt", AuthorizerType="JWT", IdentitySource=["$request.header.Authorization"],
                                              JwtConfiguration={"Audience": ["app"], "Issuer": f"https://cognito-idp.{s.region}.amazonaws.com/{s.ids[r['authorizer']]}"})["AuthorizerId"]
            kind = "JWT"
        elif source.get("kind") == "lambda":
            authorizer = v2.create_authorizer(ApiId=api, Name="lambda", AuthorizerType="REQUEST", IdentitySource=["$request.header.Authorization"],
                                              AuthorizerUri=invoke_uri(s, s.ids[r["authorizer"]]), AuthorizerPayloadFormatVersion="2.0")["AuthorizerId"]
            kind = "CUSTOM"
        integrations = []
        parameters = {"overwrite:path": r["path_mapping"]} if r.get("path_mapping") else {}
        for e in targets(s, rid, "vpc-link"):
            for t in targets(s, e["to"], "ecs-service", "alb", "nlb"):
                target = s.res[t["to"]]
                uri = s.registry.get(t["to"]) if target["kind"] == "ecs-service" else s.ids.get(f"{t['to']}:listener:{(target.get('listeners') or [80])[0]}")
                if uri:
                    args = dict(ApiId=api, IntegrationType="HTTP_PROXY", IntegrationMethod="ANY", ConnectionType="VPC_LINK",
                                ConnectionId=link_ids[e["to"]], IntegrationUri=uri, PayloadFormatVersion="1.0")
                    if parameters:
                        args["RequestParameters"] = parameters
                    integrations.append(v2.create_integration(**args)["IntegrationId"])
        for e in targets(s, rid, "lambda"):
            integrations.append(v2.create_integration(ApiId=api, IntegrationType="AWS_PROXY", IntegrationUri=s.ids[e["to"]], PayloadFormatVersion="2.0")["IntegrationId"])
        for index, key in enumerate(r.get("routes") or []):
            args = dict(ApiId=api, RouteKey=key)
            if integrations:
                args["Target"] = f"integrations/{integrations[index % len(integrations)]}"
            if authorizer:
                args.update(AuthorizerId=authorizer, AuthorizationType=kind)
            v2.create_route(**args)
        v2.create_stage(ApiId=api, StageName=r.get("stage_name", "$default"), AutoDeploy=True)
    for rid, r in s.of("api-gateway-rest"):
        rest_api(s, v1, rid, r, link_ids)


def rest_api(s, v1, rid, r, link_ids):
    endpoint = (r.get("endpoint") or "edge").upper()
    configuration = {"types": [endpoint]}
    endpoints = [e["from"] for e in s.conns if e["to"] == rid and s.res.get(e["from"], {}).get("kind") == "vpc-endpoint"]
    if endpoint == "PRIVATE" and endpoints:
        configuration["vpcEndpointIds"] = [s.ids[x] for x in endpoints]
    api = v1.create_rest_api(name=r.get("name", rid), endpointConfiguration=configuration)["id"]
    s.ids[rid] = api
    authorizer, kind = None, "NONE"
    source = s.res.get(r.get("authorizer"), {})
    if source.get("kind") == "cognito":
        pool = f"arn:aws:cognito-idp:{s.region}:123456789012:userpool/{s.ids[r['authorizer']]}"
        authorizer = v1.create_authorizer(restApiId=api, name="cognito", type="COGNITO_USER_POOLS", providerARNs=[pool],
                                          identitySource="method.request.header.Authorization")["id"]
        kind = "COGNITO_USER_POOLS"
    elif source.get("kind") == "lambda":
        authorizer = v1.create_authorizer(restApiId=api, name="lambda", type="TOKEN", authorizerUri=invoke_uri(s, s.ids[r["authorizer"]]),
                                          identitySource="method.request.header.Authorization")["id"]
        kind = "CUSTOM"
    resources = {"/": next(x["id"] for x in v1.get_resources(restApiId=api)["items"] if x["path"] == "/")}
    links = targets(s, rid, "vpc-link")
    functions = targets(s, rid, "lambda")
    buckets = targets(s, rid, "s3")
    for route in r.get("routes") or []:
        verb, path = route.split(" ", 1)
        parent = "/"
        for part in [p for p in path.split("/") if p]:
            current = (parent.rstrip("/") + "/" + part)
            if current not in resources:
                resources[current] = v1.create_resource(restApiId=api, parentId=resources[parent], pathPart=part)["id"]
            parent = current
        args = dict(restApiId=api, resourceId=resources[path], httpMethod=verb, authorizationType=kind)
        if authorizer:
            args["authorizerId"] = authorizer
        headers = {f"method.request.header.{h}": True for h in r.get("request_headers") or []}
        if headers:
            args["requestParameters"] = headers
        v1.put_method(**args)
        bucket = next((b for b in buckets if str(b.get("label", "")) == path), None)
        if bucket:
            v1.put_integration(restApiId=api, resourceId=resources[path], httpMethod=verb, type="AWS", integrationHttpMethod="PUT",
                               credentials="arn:aws:iam::123456789012:role/apigateway-s3-put", uri=f"arn:aws:apigateway:{s.region}:s3:path/{s.ids[bucket['to']]}")
        elif links:
            nlb = (s.res[links[0]["to"]].get("targets") or [None])[0]
            v1.put_integration(restApiId=api, resourceId=resources[path], httpMethod=verb, type="HTTP_PROXY", integrationHttpMethod="ANY",
                               connectionType="VPC_LINK", connectionId=link_ids[links[0]["to"]], uri=f"http://{getattr(s, 'dns', {}).get(nlb, 'internal')}{path}")
        elif functions:
            v1.put_integration(restApiId=api, resourceId=resources[path], httpMethod=verb, type="AWS_PROXY", integrationHttpMethod="POST",
                               uri=invoke_uri(s, s.ids[functions[0]["to"]]))
    stage = r.get("stage_name", "prod")
    v1.create_deployment(restApiId=api, stageName=stage)
    s.stage_arn[rid] = f"arn:aws:apigateway:{s.region}::/restapis/{api}/stages/{stage}"
