package dev.sluice.samples.ee.deadletter;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** {@code POST /payments?id=&cents=} takes a payment; {@code GET /payments} lists the ledger. */
@WebServlet("/payments")
public class PaymentsServlet extends HttpServlet {

    @EJB
    private PaymentDesk desk;

    @EJB
    private PaymentLedger ledger;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String id = req.getParameter("id");
        String cents = req.getParameter("cents");
        if (id == null || id.isBlank() || cents == null || !cents.matches("-?\\d{1,15}")) {
            resp.sendError(400, "id and an amount in cents are required");
            return;
        }
        desk.take(id, Long.parseLong(cents));
        resp.setStatus(202);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain;charset=UTF-8");
        for (String line : ledger.entries()) {
            resp.getWriter().println(line);
        }
    }
}
