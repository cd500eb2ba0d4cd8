package com.example.shop.localcloud.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class IntrinsicsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void references_find_ref_get_att_in_both_forms_and_sub_placeholders_but_no_pseudo_parameters() {
        JsonNode value = json("""
                {"Fn::Join": ["", [
                  {"Ref": "Queue"},
                  {"Fn::GetAtt": ["Table", "StreamArn"]},
                  {"Fn::GetAtt": "Topic.TopicName"},
                  {"Fn::Sub": "arn:${AWS::Partition}:x:${AWS::Region}:${Bus.Name}/${!Literal}/${Param}"},
                  {"Ref": "AWS::StackName"}
                ]]}""");

        assertThat(Intrinsics.references(value)).containsExactly("Queue", "Table", "Topic", "Bus", "Param");
    }

    @Test
    void references_of_sub_with_variables_skip_the_local_names_but_follow_their_values() {
        JsonNode value = json("""
                {"Fn::Sub": ["${Api}/${__Stage__}/${Fn.Arn}", {"__Stage__": {"Ref": "StageParam"}}]}""");

        assertThat(Intrinsics.references(value)).containsExactlyInAnyOrder("Api", "Fn", "StageParam");
    }

    @Test
    void rewrite_replaces_mentions_in_place_and_inside_sub_strings() {
        JsonNode value = json("""
                {"A": {"Ref": "Bus"}, "B": {"Fn::Sub": "name=${Bus} pool=${Pool} arn=${Pool.Arn}"}, "C": {"Ref": "Other"}}""");

        JsonNode rewritten = Intrinsics.rewrite(value, reference -> switch (reference.logicalId()) {
            case "Bus" -> Intrinsics.getAtt("Bus", "Name");
            case "Pool" -> Intrinsics.text(reference.attribute() == null ? "Pool" : "arn:pool/${x}");
            default -> null;
        });

        assertThat(rewritten).isEqualTo(json("""
                {"A": {"Fn::GetAtt": ["Bus", "Name"]},
                 "B": {"Fn::Sub": "name=${Bus.Name} pool=Pool arn=arn:pool/${!x}"},
                 "C": {"Ref": "Other"}}"""));
        assertThat(value.get("A")).isEqualTo(json("{\"Ref\": \"Bus\"}"));
    }

    @Test
    void is_intrinsic_only_for_single_key_ref_or_fn_objects() {
        assertThat(Intrinsics.isIntrinsic(json("{\"Ref\": \"X\"}"))).isTrue();
        assertThat(Intrinsics.isIntrinsic(json("{\"Fn::If\": [\"C\", 1, 2]}"))).isTrue();
        assertThat(Intrinsics.isIntrinsic(json("{\"kind\": [\"order-shipped\"]}"))).isFalse();
        assertThat(Intrinsics.isIntrinsic(json("\"text\""))).isFalse();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
