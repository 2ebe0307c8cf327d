package dev.sluice.samples.ee.orders;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** {@code POST /orders?id=&priority=&items=} places an order; {@code GET /orders} lists processed ones. */
@WebServlet("/orders")
public class OrdersServlet extends HttpServlet {

    @EJB
    private OrderDesk desk;

    @EJB
    private OrderBook book;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String id = req.getParameter("id");
        String priority = req.getParameter("priority");
        if (id == null || id.isBlank() || priority == null || !priority.matches("\\d{1,3}")) {
            resp.sendError(400, "id and a numeric priority are required");
            return;
        }
        desk.place(id, Integer.parseInt(priority), req.getParameter("items") == null ? "" : req.getParameter("items"));
        resp.setStatus(202);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain;charset=UTF-8");
        for (String line : book.processed()) {
            resp.getWriter().println(line);
        }
    }
}
