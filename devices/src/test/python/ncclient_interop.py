#!/usr/bin/python3
"""ncclient against one simulated device; driven by NcclientInteropIT.

Usage: ncclient_interop.py SCENARIO HOST PORT USER PASSWORD
Prints one JSON object on stdout; exits non-zero when a step fails.
"""
import json
import sys
import time

from lxml import etree
from ncclient import manager
from ncclient.operations.rpc import RPCError


def connect(host, port, user, password, junos=False):
    params = {"name": "junos"} if junos else {"name": "default"}
    return manager.connect(host=host, port=port, username=user, password=password,
                           hostkey_verify=False, look_for_keys=False, allow_agent=False,
                           timeout=20, device_params=params)


def local(tree, path):
    """The text of the first element matching a path of local names."""
    expr = "//" + "/".join("*[local-name()='%s']" % step for step in path.split("/"))
    found = tree.xpath(expr)
    return found[0].text if found else None


def host_name(m, source):
    data = m.get_config(source=source).data_ele
    return local(data, "configuration/system/host-name")


def capabilities(m, _):
    return {"session_id": m.session_id, "capabilities": sorted(m.server_capabilities)}


def get_config(m, _):
    reply = m.get_config(source="running",
                         filter=("subtree", "<configuration><system><host-name/></system></configuration>"))
    return {"host_name": local(reply.data_ele, "configuration/system/host-name"), "xml": reply.data_xml}


def edit_commit(m, _):
    m.lock(target="candidate")
    m.edit_config(target="candidate", config="""
      <config><configuration>
        <system><host-name>from-ncclient</host-name></system>
        <interfaces><interface><name>ge-0/0/1</name><description>set by ncclient</description></interface></interfaces>
      </configuration></config>""")
    candidate = host_name(m, "candidate")
    running_before = host_name(m, "running")
    m.commit()
    m.unlock(target="candidate")
    return {"candidate": candidate, "running_before": running_before, "running_after": host_name(m, "running")}


def confirmed_commit(m, args):
    timeout = int(args[0]) if args else 2
    before = host_name(m, "running")
    m.edit_config(target="candidate",
                  config="<config><configuration><system><host-name>unconfirmed</host-name></system></configuration></config>")
    m.commit(confirmed=True, timeout=str(timeout))
    during = host_name(m, "running")
    deadline = time.time() + timeout + 10
    after = during
    while time.time() < deadline:
        time.sleep(0.5)
        after = host_name(m, "running")
        if after == before:
            break
    return {"before": before, "during": during, "after": after}


def errors(m, _):
    result = {}
    try:
        m.edit_config(target="candidate", config="""
          <config><configuration><interfaces>
            <interface xmlns:nc="urn:ietf:params:xml:ns:netconf:base:1.0" nc:operation="delete">
              <name>ge-0/0/6</name></interface>
          </interfaces></configuration></config>""")
        result["delete_missing"] = "no error"
    except RPCError as e:
        result["delete_missing"] = {"tag": e.tag, "type": e.type, "severity": e.severity, "message": e.message}
    return result


def junos(m, _):
    info = m.rpc(etree.fromstring("<get-software-information/>"))
    m.load_configuration(action="set", config=["set system host-name junos-style",
                                               "set interfaces ge-0/0/2 unit 0 family inet address 10.2.0.1/24"])
    m.commit()
    interfaces = m.rpc(etree.fromstring(
        "<get-interface-information><terse/><interface-name>ge-0/0/2</interface-name></get-interface-information>"))
    return {
        "version": local(info, "software-information/junos-version"),
        "model": local(info, "software-information/product-model"),
        "oper_status": local(interfaces, "physical-interface/oper-status"),
        "address": local(interfaces, "ifa-local"),
    }


SCENARIOS = {
    "capabilities": capabilities,
    "get-config": get_config,
    "edit-commit": edit_commit,
    "confirmed-commit": confirmed_commit,
    "errors": errors,
    "junos": junos,
}


def main():
    scenario, host, port, user, password = sys.argv[1:6]
    with connect(host, int(port), user, password, junos=(scenario == "junos")) as m:
        print(json.dumps(SCENARIOS[scenario](m, sys.argv[6:])))


if __name__ == "__main__":
    main()
